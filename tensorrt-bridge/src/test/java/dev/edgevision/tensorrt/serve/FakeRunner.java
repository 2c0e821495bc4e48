package dev.edgevision.tensorrt.serve;

import dev.edgevision.core.inference.ModelRunner;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A runner of a 784-value-in, 10-class-out classifier whose output is a fixed function of the input:
 * class {@code k} scores {@code softmax(w * input[k])}, with {@code distortion} added to every value,
 * so that two runners agree exactly, within a tolerance, or not at all.
 */
class FakeRunner implements ModelRunner {
    static final int SAMPLE = 784;
    static final int CLASSES = 10;
    final String backend;
    final float distortion;
    final float[] input;
    final float[] output;
    final AtomicInteger runs = new AtomicInteger();
    volatile boolean closed;

    FakeRunner(String backend, int maxBatch, float distortion) {
        this.backend = backend;
        this.distortion = distortion;
        this.input = new float[maxBatch * SAMPLE];
        this.output = new float[maxBatch * CLASSES];
    }

    @Override
    public String backend() {
        return backend;
    }

    @Override
    public int maxBatch() {
        return input.length / SAMPLE;
    }

    @Override
    public float[] input() {
        return input;
    }

    @Override
    public float[] run(int batch) {
        if (closed) {
            throw new IllegalStateException(backend + " runner used after close");
        }
        runs.incrementAndGet();
        for (int s = 0; s < batch; s++) {
            double sum = 0;
            for (int k = 0; k < CLASSES; k++) {
                sum += Math.exp(5 * input[s * SAMPLE + k]);
            }
            for (int k = 0; k < CLASSES; k++) {
                output[s * CLASSES + k] = (float) (Math.exp(5 * input[s * SAMPLE + k]) / sum) + distortion;
            }
        }
        return output;
    }

    @Override
    public float[] output(String name) {
        if (!"probabilities".equals(name)) {
            throw new IllegalArgumentException("no output " + name);
        }
        return output;
    }

    @Override
    public void close() {
        closed = true;
    }
}
