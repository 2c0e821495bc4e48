package dev.edgevision.trainer.report;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * A wrapping grid of captioned pictures embedded as PNG data URIs. Pictures smaller than
 * {@link #TARGET_SIZE} are shown at a whole-number zoom with crisp pixels, so a 28x28 digit is
 * displayed at 112x112 without blur.
 */
final class ImageGallery {
    static final int TARGET_SIZE = 112;
    private static final int MIN_FIGURE_WIDTH = 150;

    private ImageGallery() {
    }

    static String render(List<GalleryImage> images) {
        if (images.isEmpty()) {
            return "<p class=\"empty\">No images.</p>";
        }
        StringBuilder html = new StringBuilder("<div class=\"gallery\">\n");
        images.forEach(image -> figure(html, image));
        return html.append("</div>").toString();
    }

    /** The whole-number zoom for a picture of this size: 1 for pictures already large enough. */
    static int zoom(int width, int height) {
        return Math.max(1, TARGET_SIZE / Math.max(width, height));
    }

    private static void figure(StringBuilder html, GalleryImage item) {
        BufferedImage image = item.image();
        int zoom = zoom(image.getWidth(), image.getHeight());
        int width = image.getWidth() * zoom;
        int height = image.getHeight() * zoom;
        String caption = Html.escape(item.caption());
        html.append("<figure style=\"width: ").append(Math.max(width, MIN_FIGURE_WIDTH)).append("px\">")
                .append("<img").append(zoom > 1 ? " class=\"pixelated\"" : "")
                .append(" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" alt=\"").append(caption).append("\" src=\"").append(PngDataUri.of(image)).append("\">")
                .append("<figcaption>").append(caption).append("</figcaption></figure>\n");
    }
}
