package dev.edgevision.trainer.eval;

import dev.edgevision.core.model.BundleException;
import dev.edgevision.core.model.InputSpec;
import dev.edgevision.core.model.ModelBundle;
import dev.edgevision.core.model.ModelManifest;
import dev.edgevision.core.model.PixelScaling;
import dev.edgevision.core.model.Polarity;
import dev.edgevision.core.model.Task;
import dev.edgevision.ort.OrtModel;
import dev.edgevision.ort.OrtModelException;
import dev.edgevision.core.idx.DigitSet;
import java.util.stream.IntStream;

/**
 * Scores a classifier bundle on labelled digits the way a device would run it: through ONNX
 * Runtime, with the pre-processing its manifest declares. MNIST-format digits are white ink on
 * black, so a bundle that declares the other polarity gets inverted pixels.
 */
public final class BundleEvaluator implements AutoCloseable {
    private static final int BATCH = 256;

    private final ModelBundle bundle;
    private final ModelManifest manifest;
    private final OrtModel model;
    private final PixelScaling scaling;

    public BundleEvaluator(ModelBundle bundle, int threads) throws OrtModelException, BundleException {
        this.bundle = bundle;
        this.manifest = bundle.manifest();
        if (manifest.task() != Task.CLASSIFICATION) {
            throw new BundleException(bundle.path(), "task is " + manifest.task().wireName()
                    + "; evaluating on IDX digits needs a classification bundle");
        }
        this.model = OrtModel.load(bundle.modelBytes(), threads);
        this.scaling = PixelScaling.of(manifest.input(), Polarity.LIGHT_ON_DARK);
    }

    /** Class probabilities for every digit of {@code set}, flattened. */
    public float[] probabilities(DigitSet set) throws OrtModelException, BundleException {
        InputSpec input = manifest.input();
        if (input.height() != set.rows() || input.width() != set.cols() || input.channels() != 1) {
            throw new BundleException(bundle.path(), "the model takes " + input.channels() + "x" + input.height()
                    + "x" + input.width() + " inputs but " + set.origin() + " holds 1x" + set.rows() + "x"
                    + set.cols() + " images");
        }
        int classes = manifest.labels().size();
        int pixels = set.rows() * set.cols();
        float[] result = new float[set.size() * classes];
        float[] batch = new float[BATCH * pixels];
        for (int from = 0; from < set.size(); from += BATCH) {
            int n = Math.min(BATCH, set.size() - from);
            fill(set, from, n, batch);
            float[] input1 = n == BATCH ? batch : java.util.Arrays.copyOf(batch, n * pixels);
            float[] out = model.run(input1, new long[] {n, 1, set.rows(), set.cols()}, manifest.decoder().output());
            if (out.length != n * classes) {
                throw new BundleException(bundle.path(), "the model gave " + out.length + " outputs for " + n + " inputs, "
                        + "expected " + classes + " per input (one per label)");
            }
            System.arraycopy(out, 0, result, from * classes, out.length);
        }
        if ("logits".equals(manifest.decoder().type())) {
            softmaxRows(result, classes);
        }
        return result;
    }

    /** Scores the bundle on {@code set}. */
    public ClassificationScore score(DigitSet set) throws OrtModelException, BundleException {
        int[] truth = IntStream.range(0, set.size()).map(set::label).toArray();
        return ClassificationScore.of(probabilities(set), truth, manifest.labels());
    }

    private void fill(DigitSet set, int from, int n, float[] batch) {
        int i = 0;
        for (int item = from; item < from + n; item++) {
            for (int r = 0; r < set.rows(); r++) {
                for (int c = 0; c < set.cols(); c++) {
                    batch[i++] = scaling.scale(0, set.pixel(item, r, c));
                }
            }
        }
    }

    private static void softmaxRows(float[] values, int classes) {
        for (int offset = 0; offset < values.length; offset += classes) {
            float max = Float.NEGATIVE_INFINITY;
            for (int c = 0; c < classes; c++) {
                max = Math.max(max, values[offset + c]);
            }
            float sum = 0;
            for (int c = 0; c < classes; c++) {
                values[offset + c] = (float) Math.exp(values[offset + c] - max);
                sum += values[offset + c];
            }
            for (int c = 0; c < classes; c++) {
                values[offset + c] /= sum;
            }
        }
    }

    @Override
    public void close() {
        model.close();
    }
}
