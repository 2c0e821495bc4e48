package dev.edgevision.core.inference;

import dev.edgevision.core.detect.DetectorException;

/**
 * One model loaded into one backend, with input and output buffers allocated once for up to
 * {@link #maxBatch()} samples. The caller writes samples into {@link #input()}, calls
 * {@link #run(int)}, and reads the decoder's output from the returned array, which stays valid
 * until the next run. Used from one thread.
 */
public interface ModelRunner extends AutoCloseable {
    /** Backend name for records and status, e.g. {@code onnxruntime-cpu}. */
    String backend();

    /** Largest batch {@link #run(int)} accepts. */
    int maxBatch();

    /** Input staging buffer: {@code maxBatch} samples in the manifest's layout, one after another. */
    float[] input();

    /**
     * Runs the first {@code batch} samples of {@link #input()} and returns the decoder's output
     * tensor, batch first, flattened; only the first {@code batch} rows are meaningful.
     *
     * @throws IllegalArgumentException when {@code batch} is outside 1..{@link #maxBatch()}
     */
    float[] run(int batch) throws DetectorException;

    /**
     * Output tensor {@code name} of the last {@link #run(int)}, batch first, flattened; valid until
     * the next run. Decoders that read several outputs (boxes and scores) use this; every output
     * the manifest lists is available.
     *
     * @throws IllegalArgumentException when the manifest lists no output of that name
     */
    float[] output(String name);

    @Override
    void close();

    /**
     * The check {@link #run(int)} makes before touching any buffer.
     *
     * @throws IllegalArgumentException when {@code batch} is outside 1..{@code maxBatch}
     */
    static void checkBatch(int batch, int maxBatch) {
        if (batch < 1 || batch > maxBatch) {
            throw new IllegalArgumentException("batch " + batch + " is outside 1.." + maxBatch);
        }
    }
}
