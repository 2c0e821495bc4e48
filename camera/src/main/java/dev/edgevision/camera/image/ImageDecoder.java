package dev.edgevision.camera.image;

import dev.edgevision.core.frame.Frame;
import dev.edgevision.core.image.ImageChecks;
import dev.edgevision.core.image.StillImageDecoder;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes one image file with its size checked first: the width and height come from the file's
 * header, and an image above the pixel limit is refused before a single pixel is decoded (a 389 KB
 * PNG can declare 20000 x 20000 pixels, which would take gigabytes). A decoder's warnings (a JPEG
 * that ends early) make the image damaged rather than silently half grey. This is the ImageIO
 * {@link StillImageDecoder}, the fallback when no faster one can run.
 */
final class ImageDecoder implements StillImageDecoder {
    /**
     * The default pixel limit: 40 megapixels (an 8K frame fits). Decoding takes about 13 bytes a
     * pixel at the peak (the decoder's raster, the BGR canvas, the frame), some 520 MB, which leaves
     * room within the heap the service gets on a 4 GB board.
     */
    static final long DEFAULT_MAX_PIXELS = 40_000_000L;

    private final long maxPixels;
    private final BgrImages converter = new BgrImages();

    ImageDecoder(long maxPixels) {
        this.maxPixels = maxPixels;
    }

    @Override
    public String name() {
        return "imageio";
    }

    @Override
    public void decode(Path file, Frame into) throws IOException {
        converter.copy(read(file), into);
    }

    /** The image in {@code file}; an {@link IOException} saying what is wrong with it (callers name the file). */
    BufferedImage read(Path file) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                throw new IOException("cannot open " + file);
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw ImageChecks.notAnImage(file);
            }
            ImageReader reader = readers.next();
            List<String> warnings = new ArrayList<>();
            try {
                reader.setInput(in, true, true);
                ImageChecks.requireSize(reader.getWidth(0), reader.getHeight(0), maxPixels);
                reader.addIIOReadWarningListener(new Collector(warnings));
                BufferedImage image = reader.read(0);
                if (!warnings.isEmpty()) {
                    throw ImageChecks.damaged(String.join("; ", warnings));
                }
                return image;
            } finally {
                reader.dispose();
            }
        }
    }

    /** Keeps the decoder's warnings. */
    private record Collector(List<String> warnings) implements IIOReadWarningListener {
        @Override
        public void warningOccurred(ImageReader source, String warning) {
            warnings.add(warning);
        }
    }
}
