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
import java.util.concurrent.FutureTask;

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
        int workers = pipeline.workers();
        double[] side = workers > 1 ? sideBySideRate(model, batches, rawSeconds, workers) : null;
        long t0 = System.nanoTime();
        replay.open();
        Thread.sleep((long) (seconds * 1000));
        long processed = pipeline.processed();
        double elapsed = (System.nanoTime() - t0) / 1e9;
        double fps = processed / elapsed;
        out.printf("pipeline:        %s%d frames in %.1f s = %.1f frames/s with %d worker%s (%.0f %% of the raw inference"
                + " rate%s), %.1f detections per frame%s%n", replay.fps() > 0 ? String.format("replay at %.0f frames/s: ",
                        replay.fps()) : "", processed, elapsed, fps, workers, workers == 1 ? "" : "s",
                100 * fps / rawFps, side == null ? "" : String.format(", %.0f %% of %d sessions'", 100 * fps / side[0],
                        workers), totals.meanDetections(),
                pipeline.overtaken() == 0 ? "" : ", " + pipeline.overtaken() + " records dropped to keep frame order");
        double p99 = pipeline.latency().percentile(99);
        out.printf("latency:         glass to publish p50 %.2f ms, p95 %.2f ms, p99 %.2f ms (raw inference p99 %+.2f ms%s)%n",
                pipeline.latency().percentile(50), pipeline.latency().percentile(95), p99, p99 - raw[2],
                side == null ? "" : String.format(", %d sessions' p99 %+.2f ms", workers, p99 - side[1]));
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
            warmUp(runner, batches);
            LatencyWindow times = new LatencyWindow(RAW_TIMES);
            long start = System.nanoTime();
            long frames = rawLoop(runner, batches, start + (long) (seconds * 1e9), times);
            double elapsed = (System.nanoTime() - start) / 1e9;
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

    /**
     * Frames per second that {@code sessions} runners sustain together, each on its own thread as the
     * pipeline's workers run, and the 99th percentile of their time per frame; printed.
     */
    private double[] sideBySideRate(ServedModel model, int[] batches, double seconds, int sessions)
            throws Exception {
        List<ModelRunner> runners = new ArrayList<>();
        try {
            for (int i = 0; i < sessions; i++) {
                runners.add(model.runners().open("bench-raw-" + (i + 1)));
                warmUp(runners.get(i), batches);
            }
            LatencyWindow times = new LatencyWindow(RAW_TIMES);
            long start = System.nanoTime();
            long deadline = start + (long) (seconds * 1e9);
            List<FutureTask<Long>> loops = new ArrayList<>();
            for (ModelRunner runner : runners) {
                FutureTask<Long> loop = new FutureTask<>(
                        () -> rawLoop(runner, batches, deadline, times));
                loops.add(loop);
                new Thread(loop, "bench-raw-" + loops.size()).start();
            }
            long frames = 0;
            StringBuilder each = new StringBuilder();
            for (FutureTask<Long> loop : loops) {
                long n = loop.get();
                frames += n;
                each.append(each.length() == 0 ? "" : " + ").append(n);
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            double fps = frames / elapsed;
            double p99 = times.percentile(99);
            out.printf("raw inference:   %d sessions side by side, one thread each calling: %s = %d frames in %.1f s"
                    + " = %.0f frames/s; per frame p50 %.3f ms, p99 %.3f ms%n", sessions, each, frames, elapsed, fps,
                    times.percentile(50), p99);
            return new double[] {fps, p99};
        } finally {
            runners.forEach(ModelRunner::close);
        }
    }

    private static void warmUp(ModelRunner runner, int[] batches) throws DetectorException {
        for (int batch : batches) {
            runner.run(Math.max(1, batch));
        }
    }

    /** Runs the batches in turn until {@code deadline}, recording each frame's time; returns the frames run. */
    private static long rawLoop(ModelRunner runner, int[] batches, long deadline, LatencyWindow times)
            throws DetectorException {
        long frames = 0;
        long before = System.nanoTime();
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
        return frames;
    }
}
