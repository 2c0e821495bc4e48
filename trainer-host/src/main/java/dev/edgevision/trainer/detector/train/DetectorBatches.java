package dev.edgevision.trainer.detector.train;

import dev.edgevision.trainer.detector.net.DetectorArchitecture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Makes training batches from a {@link SampleSource} on a background thread, one batch ahead of
 * the training step, so rendering or decoding images overlaps the network's work. Batch {@code i}
 * of a stream always holds the examples of the same seeds, which makes runs repeatable and lets a
 * resumed run continue with the batches it would have seen.
 */
public final class DetectorBatches implements AutoCloseable {
    private final SampleSource source;
    private final InputEncoder encoder;
    private final YoloTargets targets;
    private final DetectorArchitecture arch;
    private final int batchSize;
    private final ExecutorService worker;

    public DetectorBatches(SampleSource source, InputEncoder encoder, DetectorArchitecture arch, int batchSize) {
        this.source = source.copy();
        this.encoder = encoder;
        this.targets = new YoloTargets(arch);
        this.arch = arch;
        this.batchSize = batchSize;
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "detector-batches");
            t.setDaemon(true);
            return t;
        });
    }

    /** The seed of example {@code k} of batch {@code index} in stream {@code stream}. */
    public static long seed(long runSeed, long stream, long index, int k) {
        long z = runSeed * 0x9E3779B97F4A7C15L + stream * 0xBF58476D1CE4E5B9L + index * 0x94D049BB133111EBL + k;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Starts making the batch of {@code seeds} in the background. */
    public Future<DataSet> prepare(List<Long> seeds) {
        return worker.submit(() -> make(seeds));
    }

    private DataSet make(List<Long> seeds) throws IOException {
        int n = seeds.size();
        float[] input = new float[n * encoder.inputSize()];
        float[] labels = new float[n * targets.size()];
        for (int k = 0; k < n; k++) {
            LabelledFrame example = source.sample(seeds.get(k));
            targets.fill(encoder.encode(example, input, k * encoder.inputSize()), labels, k * targets.size());
        }
        return new DataSet(
                Nd4j.create(input, new long[] {n, 1, arch.inputHeight(), arch.inputWidth()}),
                Nd4j.create(labels, new long[] {n, 4 + arch.classes(), arch.gridHeight(), arch.gridWidth()}));
    }

    /** Makes a batch now, on the caller's thread. */
    public DataSet makeNow(List<Long> seeds) {
        try {
            return make(seeds);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Examples per batch. */
    public int batchSize() {
        return batchSize;
    }

    /** Boxes dropped because two centres shared a grid cell. */
    public long collisions() {
        return targets.collisions();
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
