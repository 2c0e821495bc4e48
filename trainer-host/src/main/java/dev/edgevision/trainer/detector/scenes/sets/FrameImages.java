package dev.edgevision.trainer.detector.scenes.sets;

import dev.edgevision.core.frame.Frame;
import dev.edgevision.core.frame.PixelFormat;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/** Frames as AWT images and back, for writing PNG files and drawing on them; workstation side only. */
public final class FrameImages {
    private FrameImages() {
    }

    /** A new image holding a copy of {@code frame}'s pixels (grey frames stay grey). */
    public static BufferedImage toImage(Frame frame) {
        int w = frame.width();
        int h = frame.height();
        byte[] src = frame.data();
        if (frame.format() == PixelFormat.GRAY8) {
            BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
            System.arraycopy(src, 0, pixels(image), 0, w * h);
            return image;
        }
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        byte[] dst = pixels(image);
        if (frame.format() == PixelFormat.BGR24) {
            System.arraycopy(src, 0, dst, 0, w * h * 3);
        } else {
            for (int i = 0; i < w * h * 3; i += 3) {
                dst[i] = src[i + 2];
                dst[i + 1] = src[i + 1];
                dst[i + 2] = src[i];
            }
        }
        return image;
    }

    /** Copies a {@code TYPE_3BYTE_BGR} image into {@code frame} as BGR24. */
    public static void toFrame(BufferedImage image, Frame frame) {
        if (image.getType() != BufferedImage.TYPE_3BYTE_BGR) {
            throw new IllegalArgumentException("expected a TYPE_3BYTE_BGR image, got type " + image.getType());
        }
        byte[] dst = frame.reshape(image.getWidth(), image.getHeight(), PixelFormat.BGR24);
        System.arraycopy(pixels(image), 0, dst, 0, image.getWidth() * image.getHeight() * 3);
    }

    private static byte[] pixels(BufferedImage image) {
        return ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    }
}
