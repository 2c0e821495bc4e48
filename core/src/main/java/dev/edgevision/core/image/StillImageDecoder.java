package dev.edgevision.core.image;

import dev.edgevision.core.frame.Frame;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Decodes still image files (JPEG, PNG, BMP) into BGR24 frames, refusing from the header, before
 * decoding, an image above its pixel limit, and refusing a damaged one rather than delivering it
 * half grey. Buffers are reused from image to image; one thread.
 */
public interface StillImageDecoder extends AutoCloseable {
    /** Short name for logs, e.g. {@code imageio} or {@code opencv}. */
    String name();

    /**
     * Writes the image in {@code file} into {@code into} (reshaped to its size, BGR24).
     *
     * @throws IOException saying what is wrong with the file: not an image, above the limit, damaged
     *     (callers name the file)
     */
    void decode(Path file, Frame into) throws IOException;

    /** Frees native buffers, if any. */
    @Override
    default void close() {
    }
}
