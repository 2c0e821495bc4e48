/**
 * CSI cameras and arbitrary pipelines through the system's GStreamer (gst1-java-core over JNA).
 * GStreamer's types stay in this package.
 */
package dev.edgevision.camera.gst;
