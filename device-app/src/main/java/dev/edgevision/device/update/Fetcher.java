package dev.edgevision.device.update;

import java.nio.file.Path;
import java.util.function.BooleanSupplier;

/** Brings an artifact into a staging file, resuming from what the file already holds. */
@FunctionalInterface
public interface Fetcher {
    /** Hears how many bytes of how many are in the staging file. */
    @FunctionalInterface
    interface Progress {
        void at(long done, long total);
    }

    /** Fills {@code part} with the whole artifact, or throws saying why not. */
    void fetch(UpdateJob job, Path part, Progress progress, BooleanSupplier canceled) throws UpdateException;
}
