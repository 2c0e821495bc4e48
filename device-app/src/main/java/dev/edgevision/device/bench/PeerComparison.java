package dev.edgevision.device.bench;

import dev.edgevision.core.detect.Detector;
import dev.edgevision.core.detect.DetectorException;
import dev.edgevision.core.frame.Frame;
import dev.edgevision.core.inference.ReportingThreshold;
import dev.edgevision.core.model.ModelBundle;
import dev.edgevision.core.preprocess.FramePreprocessor;
import dev.edgevision.core.preprocess.Preprocessing;
import dev.edgevision.device.pipeline.DetectorFactory;
import dev.edgevision.ort.OrtRunner;
import dev.edgevision.opencv.OpenCvDnnRunner;
import dev.edgevision.opencv.OpenCvPreprocessing;
import dev.edgevision.opencv.OpenCvRuntime;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/**
 * Side-by-side figures in one process on the same frames: the pre-processing implementations
 * alone (pure Java against OpenCV), and the appliance's detector against the peer a user would
 * write, OpenCV's DNN module on the same ONNX file with the same pre-processing and decoding. The
 * two sides run in alternating slices, so that a machine whose load changes during the run
 * slows both alike.
 */
public final class PeerComparison {
    private static final int SLICES = 8;
    private final PrintStream out;

    public PeerComparison(PrintStream out) {
        this.out = out;
    }

    /** Median milliseconds per frame of each pre-processing over {@code frames}, printed; [java, opencv]. */
    public double[] preprocessing(ModelBundle bundle, List<Frame> frames, int rounds) {
        if (!"stretch".equals(bundle.manifest().input().resize())
                && !"letterbox".equals(bundle.manifest().input().resize())) {
            out.printf("pre-processing alone: not measured (input.resize '%s' fits regions, not whole frames)%n",
                    bundle.manifest().input().resize());
            return new double[] {Double.NaN, Double.NaN};
        }
        if (!OpenCvRuntime.available()) {
            out.printf("pre-processing alone: OpenCV not measured (%s)%n", OpenCvRuntime.problem());
            return new double[] {Double.NaN, Double.NaN};
        }
        float[] target = new float[bundle.manifest().input().channels() * bundle.manifest().input().width()
                * bundle.manifest().input().height()];
        long[] java = new long[rounds];
        long[] opencv = new long[rounds];
        try (FramePreprocessor a = Preprocessing.java().open(bundle.manifest().input(), DetectorFactory.FRAME_POLARITY);
             FramePreprocessor b = new OpenCvPreprocessing().open(bundle.manifest().input(), DetectorFactory.FRAME_POLARITY)) {
            for (int i = 0; i < Math.min(20, frames.size()); i++) {
                a.fill(frames.get(i), target, 0);
                b.fill(frames.get(i), target, 0);
            }
            for (int i = 0; i < rounds; i++) {
                Frame frame = frames.get(i % frames.size());
                java[i] = time(a, frame, target);
                opencv[i] = time(b, frame, target);
            }
        }
        double j = median(java);
        double o = median(opencv);
        Frame f = frames.get(0);
        out.printf("pre-processing alone: java %.3f ms, opencv %.3f ms per %dx%d frame (median of %d each) = %.1fx%n",
                j, o, f.width(), f.height(), rounds, j / o);
        return new double[] {j, o};
    }

    /**
     * Frames per second through the whole detector (pre-processing, inference, decoding) on ONNX
     * Runtime and on OpenCV's DNN module, printed side by side with their ratio; [ours, peer].
     */
    public double[] opencvDnn(ModelBundle bundle, List<Frame> frames, double seconds, int threads)
            throws DetectorException {
        if (!OpenCvRuntime.available()) {
            out.printf("compare:         opencv-dnn not measured (%s)%n", OpenCvRuntime.problem());
            return new double[] {Double.NaN, Double.NaN};
        }
        if (threads > 0) {
            org.bytedeco.opencv.global.opencv_core.setNumThreads(threads);
        }
        int batch = DetectorFactory.maxBatch(bundle);
        double threshold = ReportingThreshold.of(bundle.manifest(), null);
        try (Detector ours = DetectorFactory.open(bundle, new OrtRunner(bundle, batch, threads), threshold);
             Detector peer = DetectorFactory.open(bundle, new OpenCvDnnRunner(bundle, batch), threshold)) {
            long[] counts = new long[2];
            double[] elapsed = new double[2];
            double[] inference = new double[2];
            Detector[] sides = {ours, peer};
            for (Detector d : sides) {
                for (int i = 0; i < 5; i++) {
                    d.detect(frames.get(i % frames.size()));
                }
            }
            double slice = seconds / (2.0 * SLICES);
            for (int s = 0; s < SLICES; s++) {
                for (int side = 0; side < 2; side++) {
                    long t0 = System.nanoTime();
                    long deadline = t0 + (long) (slice * 1e9);
                    while (System.nanoTime() < deadline) {
                        inference[side] += sides[side].detect(frames.get((int) (counts[side] % frames.size())))
                                .inferenceMs();
                        counts[side]++;
                    }
                    elapsed[side] += (System.nanoTime() - t0) / 1e9;
                }
            }
            double oursFps = counts[0] / elapsed[0];
            double peerFps = counts[1] / elapsed[1];
            out.printf("compare:         %s %.1f frames/s (inference %.3f ms), %s %.1f frames/s (inference %.3f ms);"
                    + " same frames, pre-processing (%s) and decoding: ratio %.2fx%n", ours.backend(), oursFps,
                    inference[0] / counts[0], peer.backend(), peerFps, inference[1] / counts[1],
                    dev.edgevision.device.pipeline.PreprocessingSelector.selected().preprocessing().name(),
                    oursFps / peerFps);
            return new double[] {oursFps, peerFps};
        }
    }

    private static long time(FramePreprocessor p, Frame frame, float[] target) {
        long t0 = System.nanoTime();
        p.fill(frame, target, 0);
        return System.nanoTime() - t0;
    }

    private static double median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2] / 1e6;
    }
}
