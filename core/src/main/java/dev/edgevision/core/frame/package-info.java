/**
 * Frames and the sources that deliver them. A source is chosen by URI ({@code synthetic://},
 * {@code file://}, {@code v4l2:///dev/video0}, {@code csi://0}, {@code gst://...}, {@code rtsp://...})
 * and always hands out its latest frame: a slow consumer makes the source drop frames, never queue them.
 */
package dev.edgevision.core.frame;
