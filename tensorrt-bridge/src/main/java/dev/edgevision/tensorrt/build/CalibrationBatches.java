package dev.edgevision.tensorrt.build;

import dev.edgevision.core.frame.Frame;
import dev.edgevision.core.model.InputSpec;
import dev.edgevision.core.preprocess.ImageInput;
import java.util.List;

/**
 * INT8 calibration data: the bundle's calibration images, each pre-processed once as the manifest
 * declares ({@link ImageInput}), served in batches of the calibrator's size. The last batch is
 * completed with images from the start of the set, so every batch is full and holds only real
 * images; nothing is ever made up.
 */
public final class CalibrationBatches {
    private final float[] samples;
    private final int sampleSize;
    private final int count;
    private final int batchSize;

    private CalibrationBatches(float[] samples, int sampleSize, int count, int batchSize) {
        this.samples = samples;
        this.sampleSize = sampleSize;
        this.count = count;
        this.batchSize = batchSize;
    }

    /** Pre-processes {@code images} for {@code input}, to be served {@code batchSize} at a time. */
    public static CalibrationBatches of(List<Frame> images, InputSpec input, int batchSize) {
        if (images.isEmpty()) {
            throw new IllegalArgumentException("calibration needs at least one image");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("calibration batch size must be at least 1, got " + batchSize);
        }
        int sampleSize = input.channels() * input.height() * input.width();
        float[] samples = new float[images.size() * sampleSize];
        ImageInput fitter = new ImageInput(input);
        for (int i = 0; i < images.size(); i++) {
            fitter.fill(images.get(i), samples, i * sampleSize);
        }
        return new CalibrationBatches(samples, sampleSize, images.size(), batchSize);
    }

    /** Samples per batch. */
    public int batchSize() {
        return batchSize;
    }

    /** Values per sample. */
    public int sampleSize() {
        return sampleSize;
    }

    /** Images in the set. */
    public int images() {
        return count;
    }

    /** Batches needed to show every image once. */
    public int batches() {
        return (count + batchSize - 1) / batchSize;
    }

    /** Writes batch {@code index} (0-based) into {@code target}, which holds at least one batch. */
    public void fill(int index, float[] target) {
        if (index < 0 || index >= batches()) {
            throw new IndexOutOfBoundsException("batch " + index + " of " + batches());
        }
        for (int i = 0; i < batchSize; i++) {
            int image = (index * batchSize + i) % count;
            System.arraycopy(samples, image * sampleSize, target, i * sampleSize, sampleSize);
        }
    }

    /** All pre-processed images, one after another (reference inputs when a bundle has none of its own). */
    public float[] allSamples() {
        return samples.clone();
    }
}
