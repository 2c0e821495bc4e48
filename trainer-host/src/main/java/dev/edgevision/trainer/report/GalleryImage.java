package dev.edgevision.trainer.report;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;

/**
 * One picture of an image gallery with its caption, e.g. a misclassified digit captioned
 * "true 4 → predicted 9 (0.93)" or a frame with boxes drawn on it.
 *
 * @param image   the picture; small ones are scaled up with crisp pixels in the report
 * @param caption text under the picture
 */
public record GalleryImage(BufferedImage image, String caption) {
    /** Rejects a missing image. */
    public GalleryImage {
        if (image == null) {
            throw new IllegalArgumentException("gallery image is null");
        }
        caption = caption == null ? "" : caption;
    }

    /** A picture from grayscale bytes, 0 black to 255 white, row-major, {@code width * height} of them. */
    public static GalleryImage ofGray(byte[] pixels, int width, int height, String caption) {
        return new GalleryImage(grayImage(pixels, width, height), caption);
    }

    static BufferedImage grayImage(byte[] pixels, int width, int height) {
        if (width <= 0 || height <= 0 || pixels.length != width * height) {
            throw new IllegalArgumentException(pixels.length + " pixels do not fill " + width + "x" + height);
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster raster = image.getRaster();
        raster.setDataElements(0, 0, width, height, pixels);
        return image;
    }
}
