package dev.edgevision.trainer.report;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import javax.imageio.ImageIO;

/** Encodes an image as a {@code data:image/png;base64,...} URI, so the page needs no image files. */
final class PngDataUri {
    static final String PREFIX = "data:image/png;base64,";

    private PngDataUri() {
    }

    static String of(BufferedImage image) {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", png)) {
                throw new IllegalStateException("no PNG writer for image type " + image.getType());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("encoding PNG in memory failed", e);
        }
        return PREFIX + Base64.getEncoder().encodeToString(png.toByteArray());
    }
}
