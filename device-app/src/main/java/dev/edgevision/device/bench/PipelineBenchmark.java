package dev.edgevision.device.bench;

import dev.edgevision.camera.synthetic.SyntheticScene;
import dev.edgevision.core.detect.Detector;
import dev.edgevision.core.detect.DetectorException;
import dev.edgevision.core.frame.Frame;
import dev.edgevision.core.inference.ModelRunner;
import dev.edgevision.core.model.Task;
import dev.edgevision.device.pipeline.CameraPipeline;
import dev.edgevision.device.pipeline.DetectorFactory;
import dev.edgevision.device.pipeline.LatencyWindow;
import dev.edgevision.device.pipeline.PreprocessingSelector;
import dev.edgevision.device.pipeline.ServedModel;
import dev.edgevision.device.service.Appliance;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures, for one model and backend: the backend's raw inference rate on the batches real
 * frames produce, then the whole pipeline (pre-processing, inference, decoding, record, publish)
 * on the same frames replayed at full speed through the service's own assembly (an {@link Appliance}
 * whose camera is a {@link ReplaySource}), with glass-to-publish latency percentiles, the share
 * of time per stage, and memory at start and end.
 */
public final class PipelineBenchmark {
    /** How many of the raw loop's latest run times the percentiles are taken from. */
    private static final int RAW_TIMES = 1 << 16;

    private final PrintStream out;

    /**
     * What one measurement found.
     *
     * @param rawFps frames per second the backend alone sustains
     * @param singleMs median milliseconds of one single-sample inference
     * @param pipelineFps frames per second of the whole pipeline
     */
    public record Figures(double rawFps, double singleMs, double pipelineFps) {
    }

    public PipelineBenchmark(PrintStream out) {
        this.out = out;
    }

    /** Renders {@code count} synthetic frames of the given size to replay. */
    public static List<Frame> frames(int width, int height, int count) {
        SyntheticScene scene = SyntheticScene.fromUri("synthetic://digits?width=" + width + "&height=" + height
                + "&seed=7");
        List<Frame> frames = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Frame frame = new Frame();
            scene.render(i + 1, frame);
            frames.add(frame);
        }
        return frames;
    }

    /**
     * Measures the backend of {@code appliance}'s model for {@code rawSeconds}, then its pipeline
     * for {@code seconds}: {@code replay} is the appliance's only camera, not yet opened, and
     * {@code totals} one of its listeners.
     */
    public Figures run(Appliance appliance, ReplaySource replay, StageTotals totals, List<Frame> frames,
            double rawSeconds, double seconds) throws Exception {
        MemoryFigures start = MemoryFigures.now();
        ServedModel model = appliance.models().current();
        int[] batches = regionsPerFrame(model, frames);
        double[] raw = rawRate(model, batches, rawSeconds);
        double rawFps = raw[0];
        CameraPipeline pipeline = appliance.pipelines().get(0);
        long t0 = System.nanoTime();
        replay.open();
        Thread.sleep((long) (seconds * 1000));
        long processed = pipeline.processed();
        double elapsed = (System.nanoTime() - t0) / 1e9;
        double fps = processed / elapsed;
        out.printf("pipeline:        %d frames in %.1f s = %.1f frames/s (%.0f %% of the raw inference rate),"
                + " %.1f detections per frame%n", processed, elapsed, fps, 100 * fps / rawFps, totals.meanDetections());
        double p99 = pipeline.latency().percentile(99);
        out.printf("latency:         glass to publish p50 %.2f ms, p95 %.2f ms, p99 %.2f ms (raw inference p99 %+.2f ms)%n",
                pipeline.latency().percentile(50), pipeline.latency().percentile(95), p99, p99 - raw[2]);
        out.println("time per stage:  " + totals.shares());
        out.printf("pre-processing:  %.3f ms per frame (%s)%n", totals.meanPreprocessMs(),
                PreprocessingSelector.selected().preprocessing().name());
        out.println("memory:          start " + start + ", end " + MemoryFigures.now());
        return new Figures(rawFps, raw[1], fps);
    }

    private static int[] regionsPerFrame(ServedModel model, List<Frame> frames) throws DetectorException {
        int[] batches = new int[frames.size()];
        if (model.bundle().manifest().task() == Task.DETECTION) {
            // A detector sees each whole frame once: batch 1, whatever it finds.
            java.util.Arrays.fill(batches, 1);
            return batches;
        }
        try (Detector counter = DetectorFactory.open(model.bundle(), model.runners().open("bench-count"), 0.0)) {
            for (int i = 0; i < frames.size(); i++) {
                batches[i] = counter.detect(frames.get(i)).detections().size();
            }
        }
        return batches;
    }

    /** Milliseconds one run of a single sample takes, median of 200 runs. */
    private static double singleLatency(ModelRunner runner) throws DetectorException {
        long[] times = new long[200];
        for (int i = 0; i < times.length; i++) {
            long t0 = System.nanoTime();
            runner.run(1);
            times[i] = System.nanoTime() - t0;
        }
        java.util.Arrays.sort(times);
        return times[times.length / 2] / 1e6;
    }

    /**
     * Frames per second the backend alone sustains on those frames' batches, one sample's median
     * latency, and the 99th percentile of the time per frame (from at most {@link #RAW_TIMES} runs).
     */
    private double[] rawRate(ServedModel model, int[] batches, double seconds) throws DetectorException {
        try (ModelRunner runner = model.runners().open("bench-raw")) {
            for (int i = 0; i < batches.length; i++) {
                runner.run(Math.max(1, batches[i]));
            }
            long t0 = System.nanoTime();
            long deadline = t0 + (long) (seconds * 1e9);
            long frames = 0;
            LatencyWindow times = new LatencyWindow(RAW_TIMES);
            long before = t0;
            while (before < deadline) {
                int batch = batches[(int) (frames % batches.length)];
                if (batch > 0) {
                    runner.run(batch);
                }
                long after = System.nanoTime();
                times.record((after - before) / 1e6);
                before = after;
                frames++;
            }
            double elapsed = (before - t0) / 1e9;
            double p99 = times.percentile(99);
            double fps = frames / elapsed;
            out.printf("raw inference:   %s, %.3f ms per frame (%.0f frames/s) on the batches these frames give"
                    + " (%.1f regions per frame)%n", runner.backend(), 1000 / fps, fps,
                    java.util.Arrays.stream(batches).average().orElse(0));
            out.printf("latency:         raw inference per frame p50 %.3f ms, p99 %.3f ms (last %d runs)%n",
                    times.percentile(50), p99, Math.min(frames, RAW_TIMES));
            double single = singleLatency(runner);
            out.printf("latency:         inference of one region %.3f ms (median)%n", single);
            return new double[] {fps, single, p99};
        }
    }
}
