package dev.edgevision.core.preprocess;

import dev.edgevision.core.frame.Frame;
import dev.edgevision.core.frame.PixelFormat;

/** Converts frames to one grey byte per pixel (ITU-R BT.601 luma, integer arithmetic). */
public final class Grayscale {
    private Grayscale() {
    }

    /** Writes the grey image of {@code frame} into {@code gray}, which must hold width x height bytes. */
    public static void convert(Frame frame, byte[] gray) {
        int pixels = frame.width() * frame.height();
        byte[] src = frame.data();
        PixelFormat format = frame.format();
        if (format == PixelFormat.GRAY8) {
            System.arraycopy(src, 0, gray, 0, pixels);
            return;
        }
        int r = format == PixelFormat.RGB24 ? 0 : 2;
        int b = 2 - r;
        for (int i = 0, j = 0; i < pixels; i++, j += 3) {
            int luma = 77 * (src[j + r] & 0xFF) + 150 * (src[j + 1] & 0xFF) + 29 * (src[j + b] & 0xFF);
            gray[i] = (byte) (luma >> 8);
        }
    }
}
