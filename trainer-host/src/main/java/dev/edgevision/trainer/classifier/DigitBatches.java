package dev.edgevision.trainer.classifier;

import dev.edgevision.trainer.data.DigitAugmenter;
import dev.edgevision.core.idx.DigitSet;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Turns digits into network inputs: [n, 1, rows, cols] floats in 0..1 and one-hot labels,
 * through reusable staging arrays.
 */
final class DigitBatches {
    private final DigitSet set;
    private final byte[] flat;
    private final int pixels;
    private final int classes;
    private float[] features = new float[0];
    private float[] labels = new float[0];

    DigitBatches(DigitSet set, int classes) {
        this.set = set;
        this.classes = classes;
        this.pixels = set.rows() * set.cols();
        this.flat = new byte[set.size() * pixels];
        for (int i = 0; i < set.size(); i++) {
            System.arraycopy(set.image(i), 0, flat, i * pixels, pixels);
        }
    }

    /** A training batch of the items {@code order[from..to)}, each distorted by {@code augmenter}. */
    DataSet augmented(int[] order, int from, int to, DigitAugmenter augmenter, SplittableRandom random) {
        int n = to - from;
        ensureCapacity(n);
        java.util.Arrays.fill(labels, 0, n * classes, 0f);
        for (int i = 0; i < n; i++) {
            int item = order[from + i];
            augmenter.augment(flat, item * pixels, features, i * pixels, random);
            labels[i * classes + set.label(item)] = 1f;
        }
        return new DataSet(featureArray(n), Nd4j.create(java.util.Arrays.copyOf(labels, n * classes), new long[] {n, classes}));
    }

    /** Undistorted inputs of items {@code from..to). */
    INDArray plain(int from, int to) {
        int n = to - from;
        ensureCapacity(n);
        for (int i = 0; i < n * pixels; i++) {
            features[i] = (flat[from * pixels + i] & 0xFF) / 255f;
        }
        return featureArray(n);
    }

    private INDArray featureArray(int n) {
        float[] data = java.util.Arrays.copyOf(features, n * pixels);
        return Nd4j.create(data, new long[] {n, 1, set.rows(), set.cols()}, 'c').castTo(DataType.FLOAT);
    }

    private void ensureCapacity(int n) {
        if (features.length < n * pixels) {
            features = new float[n * pixels];
            labels = new float[n * classes];
        }
    }
}
