/**
 * Video files, V4L2 cameras and RTSP streams decoded by FFmpeg (JavaCPP presets). FFmpeg's types
 * stay in this package.
 */
package dev.edgevision.camera.ffmpeg;
