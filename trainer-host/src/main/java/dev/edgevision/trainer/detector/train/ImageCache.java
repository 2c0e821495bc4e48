package dev.edgevision.trainer.detector.train;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import javax.imageio.ImageIO;

/**
 * Decoded training images, read once and shared by every sample source of a run (a few hundred
 * camera-sized images fit easily in memory; decoding them again every epoch would cost more than
 * the training step).
 */
final class ImageCache {
    private final ConcurrentMap<Path, BufferedImage> images = new ConcurrentHashMap<>();

    BufferedImage get(Path file) throws IOException {
        BufferedImage cached = images.get(file);
        if (cached != null) {
            return cached;
        }
        BufferedImage read;
        try {
            read = ImageIO.read(file.toFile());
        } catch (IOException | RuntimeException e) {
            throw new IOException(file + ": cannot be decoded as an image (" + e.getMessage()
                    + "); replace or remove it and its label file", e);
        }
        if (read == null) {
            throw new IOException(file + ": not an image format this trainer reads (PNG, JPEG, BMP, GIF);"
                    + " convert it or remove it and its label file");
        }
        images.put(file, read);
        return read;
    }
}
