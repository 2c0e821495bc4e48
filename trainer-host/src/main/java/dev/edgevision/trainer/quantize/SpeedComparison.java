package dev.edgevision.trainer.quantize;

import dev.edgevision.ort.OrtModel;
import dev.edgevision.ort.OrtModelException;
import java.io.IOException;
import java.util.Arrays;

/**
 * Inference time of two graphs on the same inputs, run in turns in one process on one thread, so
 * that a machine whose load changes from second to second slows both alike. Each figure is the
 * median of its runs, after a few warm-up runs of each.
 *
 * @param firstMillis median milliseconds per run of the first graph
 * @param secondMillis median milliseconds per run of the second graph
 * @param runs runs of each
 */
public record SpeedComparison(double firstMillis, double secondMillis, int runs) {
    private static final int WARM_UP = 5;

    /** Times {@code first} and {@code second} on {@code runs} inputs of {@code inputs} (cycled). */
    public static SpeedComparison measure(byte[] first, byte[] second, long[] sampleShape, String output,
            CalibrationInputs inputs, int runs) throws OrtModelException, IOException {
        long[] shape = new long[sampleShape.length + 1];
        shape[0] = 1;
        System.arraycopy(sampleShape, 0, shape, 1, sampleShape.length);
        float[] x = new float[(int) Arrays.stream(sampleShape).reduce(1, (a, b) -> a * b)];
        double[] a = new double[runs];
        double[] b = new double[runs];
        try (OrtModel one = OrtModel.load(first, 1); OrtModel two = OrtModel.load(second, 1)) {
            inputs.fill(0, x);
            for (int i = 0; i < WARM_UP; i++) {
                one.run(x, shape, output);
                two.run(x, shape, output);
            }
            for (int i = 0; i < runs; i++) {
                inputs.fill(i % inputs.count(), x);
                boolean firstFirst = i % 2 == 0;
                a[i] = firstFirst ? time(one, x, shape, output) : 0;
                b[i] = time(two, x, shape, output);
                if (!firstFirst) {
                    a[i] = time(one, x, shape, output);
                }
            }
        }
        return new SpeedComparison(median(a), median(b), runs);
    }

    private static double time(OrtModel model, float[] x, long[] shape, String output) throws OrtModelException {
        long start = System.nanoTime();
        model.run(x, shape, output);
        return (System.nanoTime() - start) / 1e6;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
