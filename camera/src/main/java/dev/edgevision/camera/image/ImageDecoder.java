package dev.edgevision.camera.image;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes one image file with its size checked first: the width and height come from the file's
 * header, and an image above the pixel limit is refused before a single pixel is decoded (a 389 KB
 * PNG can declare 20000 x 20000 pixels, which would take gigabytes). A decoder's warnings (a JPEG
 * that ends early) make the image damaged rather than silently half grey.
 */
final class ImageDecoder {
    /**
     * The default pixel limit: 40 megapixels (an 8K frame fits). Decoding takes about 13 bytes a
     * pixel at the peak (the decoder's raster, the BGR canvas, the frame), some 520 MB, which leaves
     * room within the heap the service gets on a 4 GB board.
     */
    static final long DEFAULT_MAX_PIXELS = 40_000_000L;

    private final long maxPixels;

    ImageDecoder(long maxPixels) {
        this.maxPixels = maxPixels;
    }

    /** The image in {@code file}; an {@link IOException} saying what is wrong with it (callers name the file). */
    BufferedImage read(Path file) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                throw new IOException("cannot open " + file);
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new IOException("no image decoder recognises its content; is it really a "
                        + extension(file).toUpperCase(Locale.ROOT) + " file?");
            }
            ImageReader reader = readers.next();
            List<String> warnings = new ArrayList<>();
            try {
                reader.setInput(in, true, true);
                long width = reader.getWidth(0);
                long height = reader.getHeight(0);
                if (width <= 0 || height <= 0) {
                    throw new IOException("the image declares a size of " + width + " x " + height + " pixels");
                }
                if (width * height > maxPixels) {
                    throw new IOException("the image is " + width + " x " + height + " pixels (" + megapixels(width * height)
                            + "), above the limit of " + megapixels(maxPixels) + ": shrink the image, or raise the"
                            + " limit with ?max_pixels=N on the file:// URI if the board has the memory");
                }
                reader.addIIOReadWarningListener(new Collector(warnings));
                BufferedImage image = reader.read(0);
                if (!warnings.isEmpty()) {
                    throw new IOException("the image is damaged (" + String.join("; ", warnings) + "): the decoder"
                            + " could not read all of it; is the file complete?");
                }
                return image;
            } finally {
                reader.dispose();
            }
        }
    }

    private static String megapixels(long pixels) {
        return pixels < 100_000 ? pixels + " pixels" : String.format(Locale.ROOT, "%.1f megapixels", pixels / 1e6);
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1);
    }

    /** Keeps the decoder's warnings. */
    private record Collector(List<String> warnings) implements IIOReadWarningListener {
        @Override
        public void warningOccurred(ImageReader source, String warning) {
            warnings.add(warning);
        }
    }
}
