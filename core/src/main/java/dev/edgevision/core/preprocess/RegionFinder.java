package dev.edgevision.core.preprocess;

import java.util.List;

/**
 * Finds the digit-like marks of a grey frame, for a classifier that names one digit per input.
 * {@link DigitRegionFinder} is the pure-Java reference; a {@link Preprocessing} may offer a faster
 * one ({@link Preprocessing#regionFinder}) that a parity test holds to the same regions. Buffers are
 * kept per frame size; one thread.
 */
public interface RegionFinder extends AutoCloseable {
    /** Regions of {@code gray} (width x height bytes, row-major) that look like single digits, left to right. */
    List<Region> find(byte[] gray, int frameWidth, int frameHeight);

    /** Frees native buffers, if any. */
    @Override
    default void close() {
    }
}
