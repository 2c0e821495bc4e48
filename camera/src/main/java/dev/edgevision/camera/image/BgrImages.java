package dev.edgevision.camera.image;

import dev.edgevision.core.frame.Frame;
import dev.edgevision.core.frame.PixelFormat;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBufferByte;

/**
 * Copies decoded images into frames as BGR24. Images that already are packed BGR are copied
 * directly; others are drawn once into a reusable BGR canvas. Used from one thread.
 */
public final class BgrImages {
    private BufferedImage canvas;

    /** Writes {@code image} into {@code into}, reshaping it to the image's size as BGR24. */
    public void copy(BufferedImage image, Frame into) {
        BufferedImage bgr = isPackedBgr(image) ? image : drawOnCanvas(image);
        byte[] source = ((DataBufferByte) bgr.getRaster().getDataBuffer()).getData();
        byte[] target = into.reshape(image.getWidth(), image.getHeight(), PixelFormat.BGR24);
        System.arraycopy(source, 0, target, 0, into.byteCount());
    }

    private static boolean isPackedBgr(BufferedImage image) {
        return image.getType() == BufferedImage.TYPE_3BYTE_BGR
                && image.getRaster().getSampleModel() instanceof ComponentSampleModel model
                && model.getScanlineStride() == image.getWidth() * 3
                && image.getRaster().getSampleModelTranslateX() == 0
                && image.getRaster().getSampleModelTranslateY() == 0;
    }

    private BufferedImage drawOnCanvas(BufferedImage image) {
        if (canvas == null || canvas.getWidth() != image.getWidth() || canvas.getHeight() != image.getHeight()) {
            canvas = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        }
        Graphics2D g = canvas.createGraphics();
        try {
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return canvas;
    }
}
