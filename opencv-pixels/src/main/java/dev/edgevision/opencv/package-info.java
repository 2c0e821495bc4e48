/**
 * Pixel work through OpenCV (the JavaCPP presets): the OpenCV implementations of core's
 * {@code Preprocessing} (frame pre-processing and the classifier path's region finder) and
 * {@code StillImageDecoding} (image files, offered through the service loader), a JPEG encoder for
 * the device's snapshots and preview, and the DNN peer for the bench. Native types stay inside this
 * module.
 */
package dev.edgevision.opencv;
