/**
 * Frame sources chosen by URI: {@link dev.edgevision.camera.FrameSources#open(String)}. The
 * sub-packages hold one backend each (synthetic scenes, still images, FFmpeg, GStreamer) around the
 * shared capture machinery in {@code capture} (capture thread, newest-frame hand-off, back-off).
 * Native types never leave their backend: everything outside speaks {@link dev.edgevision.core.frame}.
 */
package dev.edgevision.camera;
