package dev.edgevision.core.frame;

/** Layout of a frame's bytes: interleaved, row-major, no row padding. */
public enum PixelFormat {
    /** One byte per pixel, 0 black to 255 white. */
    GRAY8(1),
    /** Three bytes per pixel, blue first (OpenCV's and GStreamer's common order). */
    BGR24(3),
    /** Three bytes per pixel, red first. */
    RGB24(3);

    private final int bytesPerPixel;

    PixelFormat(int bytesPerPixel) {
        this.bytesPerPixel = bytesPerPixel;
    }

    public int bytesPerPixel() {
        return bytesPerPixel;
    }
}
