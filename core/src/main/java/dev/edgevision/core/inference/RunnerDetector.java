package dev.edgevision.core.inference;

import dev.edgevision.core.detect.Detection;
import dev.edgevision.core.detect.Detector;
import dev.edgevision.core.detect.DetectorException;
import dev.edgevision.core.detect.ModelIdentity;
import dev.edgevision.core.frame.Frame;
import dev.edgevision.core.model.ModelManifest;
import java.util.List;

/**
 * A {@link Detector} over one {@link ModelRunner}, in the three stages every such detector has:
 * {@link #prepare} writes the frame into the runner's input, the runner runs, and {@link #decode}
 * turns its output into detections. Times each stage for the {@link Result} and owns the runner.
 */
abstract class RunnerDetector implements Detector {
    private static final float[] NO_OUTPUT = new float[0];

    final ModelRunner runner;
    final ModelManifest manifest;
    private final ModelIdentity identity;

    RunnerDetector(ModelRunner runner, ModelManifest manifest, ModelIdentity identity) {
        this.runner = runner;
        this.manifest = manifest;
        this.identity = identity;
    }

    /** Fills {@code runner.input()} from {@code frame}; returns the samples written (0: nothing to run). */
    abstract int prepare(Frame frame) throws DetectorException;

    /** Frees what the stages hold besides the runner (native pre-processing buffers); nothing by default. */
    void closeStages() {
    }

    /** The detections in {@code frame}, from the output of a run of {@code batch} samples (empty when 0). */
    abstract List<Detection> decode(Frame frame, float[] output, int batch);

    @Override
    public final Result detect(Frame frame) throws DetectorException {
        long t0 = System.nanoTime();
        int batch = prepare(frame);
        long t1 = System.nanoTime();
        float[] output = batch == 0 ? NO_OUTPUT : runner.run(batch);
        long t2 = System.nanoTime();
        List<Detection> detections = decode(frame, output, batch);
        long t3 = System.nanoTime();
        return new Result(detections, (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6);
    }

    @Override
    public final ModelIdentity model() {
        return identity;
    }

    @Override
    public final String backend() {
        return runner.backend();
    }

    @Override
    public final void close() {
        try {
            closeStages();
        } finally {
            runner.close();
        }
    }
}
