package dev.edgevision.tensorrt.serve;

import dev.edgevision.core.detect.DetectorException;
import dev.edgevision.core.inference.ModelRunner;
import dev.edgevision.core.swap.Handover;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pipeline's runner that starts on the CPU backend and moves to a TensorRT engine once one is
 * ready and validated. The new runner is handed over from the build's thread ({@link #offer}) and
 * taken up by the pipeline's own thread at the start of its next run, so the frame loop never
 * waits and never catches a failure to decide the backend. The caller writes into this runner's
 * own input buffer, copied into the backend's before each run (a few kilobytes, no allocation).
 */
public final class SwitchableRunner implements ModelRunner {
    private static final Logger LOG = LoggerFactory.getLogger(SwitchableRunner.class);
    private final String name;
    private final float[] input;
    private final int maxBatch;
    private final int sampleSize;
    private final Handover<ModelRunner> pending = new Handover<>(ModelRunner::close);
    private volatile ModelRunner current;

    /**
     * @param name the pipeline's name, for the log
     * @param initial the runner that serves until an engine is offered (ONNX Runtime on the CPU)
     */
    public SwitchableRunner(String name, ModelRunner initial) {
        this.name = name;
        this.current = initial;
        this.maxBatch = initial.maxBatch();
        this.input = new float[initial.input().length];
        this.sampleSize = input.length / maxBatch;
    }

    /**
     * Hands over {@code next}; the pipeline's thread switches to it at its next run and closes the
     * runner it replaces. A runner offered after {@link #close} is closed at once.
     */
    public void offer(ModelRunner next) {
        pending.offer(next);
    }

    /** Whether an offered runner is waiting for the next run. */
    public boolean switchPending() {
        return pending.pending();
    }

    @Override
    public String backend() {
        return current.backend();
    }

    @Override
    public int maxBatch() {
        return maxBatch;
    }

    @Override
    public float[] input() {
        return input;
    }

    @Override
    public float[] run(int batch) throws DetectorException {
        takeOffer();
        ModelRunner.checkBatch(batch, maxBatch);
        ModelRunner runner = current;
        System.arraycopy(input, 0, runner.input(), 0, batch * sampleSize);
        return runner.run(batch);
    }

    @Override
    public float[] output(String output) {
        return current.output(output);
    }

    private void takeOffer() {
        ModelRunner next = pending.take();
        if (next == null) {
            return;
        }
        if (next.maxBatch() < maxBatch || next.input().length / next.maxBatch() != sampleSize) {
            LOG.error("{}: the {} runner takes batches of up to {} samples of {} values, this pipeline needs {} of {};"
                    + " staying on {}", name, next.backend(), next.maxBatch(), next.input().length / next.maxBatch(),
                    maxBatch, sampleSize, current.backend());
            next.close();
            return;
        }
        ModelRunner old = current;
        current = next;
        LOG.info("{}: switched from {} to {}", name, old.backend(), next.backend());
        old.close();
    }

    @Override
    public void close() {
        pending.close();
        current.close();
    }
}
