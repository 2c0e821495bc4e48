package dev.edgevision.core.image;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The refusals every {@link StillImageDecoder} makes, worded once so that an image gets the same
 * message whichever decoder runs (callers add the file's name).
 */
public final class ImageChecks {
    private ImageChecks() {
    }

    /** Refuses a size that is not positive or above {@code maxPixels}, before anything is decoded. */
    public static void requireSize(long width, long height, long maxPixels) throws IOException {
        if (width <= 0 || height <= 0) {
            throw new IOException("the image declares a size of " + width + " x " + height + " pixels");
        }
        if (width * height > maxPixels) {
            throw new IOException("the image is " + width + " x " + height + " pixels (" + megapixels(width * height)
                    + "), above the limit of " + megapixels(maxPixels) + ": shrink the image, or raise the"
                    + " limit with ?max_pixels=N on the file:// URI if the board has the memory");
        }
    }

    /** The error for content that no decoder recognises. */
    public static IOException notAnImage(Path file) {
        return new IOException("no image decoder recognises its content; is it really a "
                + extension(file).toUpperCase(Locale.ROOT) + " file?");
    }

    /** The error for an image that ends early or does not decode; {@code detail} says how. */
    public static IOException damaged(String detail) {
        return new IOException("the image is damaged (" + detail + "): the decoder could not read all of it;"
                + " is the file complete?");
    }

    private static String megapixels(long pixels) {
        return pixels < 100_000 ? pixels + " pixels" : String.format(Locale.ROOT, "%.1f megapixels", pixels / 1e6);
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1);
    }
}
