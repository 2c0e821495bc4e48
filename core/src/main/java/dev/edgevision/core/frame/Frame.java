package dev.edgevision.core.frame;

import java.util.Arrays;

/**
 * One captured image and when it was captured. A frame is a reusable buffer: a consumer keeps one
 * {@code Frame} and lets {@link FrameSource#grab} fill it again and again, so steady-state capture
 * allocates nothing. The buffer grows only when a larger image arrives.
 */
public final class Frame {
    private byte[] data = new byte[0];
    private int width;
    private int height;
    private PixelFormat format = PixelFormat.BGR24;
    private long sequence;
    private long captureNanos;
    private long captureEpochMillis;

    /**
     * Makes room for an image of this size and format and returns the buffer to fill. Allocates only
     * when the buffer is too small.
     */
    public byte[] reshape(int newWidth, int newHeight, PixelFormat newFormat) {
        if (newWidth <= 0 || newHeight <= 0) {
            throw new IllegalArgumentException("frame size must be positive, got " + newWidth + "x" + newHeight);
        }
        int size = newWidth * newHeight * newFormat.bytesPerPixel();
        if (data.length < size) {
            data = new byte[size];
        }
        width = newWidth;
        height = newHeight;
        format = newFormat;
        return data;
    }

    /** Records when the image was captured and its sequence number. */
    public void stamp(long newSequence, long newCaptureNanos, long newCaptureEpochMillis) {
        sequence = newSequence;
        captureNanos = newCaptureNanos;
        captureEpochMillis = newCaptureEpochMillis;
    }

    /** Copies image and stamps of {@code other} into this frame. */
    public void copyFrom(Frame other) {
        byte[] target = reshape(other.width, other.height, other.format);
        System.arraycopy(other.data, 0, target, 0, other.byteCount());
        stamp(other.sequence, other.captureNanos, other.captureEpochMillis);
    }

    /** The pixel bytes; only the first {@link #byteCount()} are the image. */
    public byte[] data() {
        return data;
    }

    public int byteCount() {
        return width * height * format.bytesPerPixel();
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public PixelFormat format() {
        return format;
    }

    /** Counts every frame the camera delivered, from 1; gaps show frames dropped for a slow consumer. */
    public long sequence() {
        return sequence;
    }

    /** {@link System#nanoTime()} when the image was captured, for latency measurement. */
    public long captureNanos() {
        return captureNanos;
    }

    /** Wall-clock capture time in milliseconds since the epoch, for records. */
    public long captureEpochMillis() {
        return captureEpochMillis;
    }

    /** A copy of the image bytes (for tests and snapshots, not for the frame loop). */
    public byte[] pixels() {
        return Arrays.copyOf(data, byteCount());
    }
}
