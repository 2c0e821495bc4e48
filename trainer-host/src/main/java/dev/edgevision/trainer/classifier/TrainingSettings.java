package dev.edgevision.trainer.classifier;

import dev.edgevision.trainer.data.AugmentationSettings;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything that decides a training run's result. The same settings and data give the same
 * weights.
 *
 * @param seed seeds weights, shuffling, augmentation and the validation split
 * @param width channels of the network's first stage
 * @param shape the network's layout
 * @param batchSize examples per step
 * @param maxEpochs upper bound on epochs
 * @param patience epochs without a better validation result before stopping early
 * @param learningRate initial Adam learning rate
 * @param learningRateDecay factor applied to the learning rate after every epoch
 * @param validationFraction share of the training split held out for validation
 * @param maxMinutes wall-clock bound on training; 0 for none
 * @param augmentation distortions applied to training images
 */
public record TrainingSettings(
        long seed,
        int width,
        ClassifierShape shape,
        int batchSize,
        int maxEpochs,
        int patience,
        double learningRate,
        double learningRateDecay,
        double validationFraction,
        double maxMinutes,
        AugmentationSettings augmentation) {

    /**
     * Defaults that reach 99 % on the bundled 9k set's test split within minutes on two cores: the
     * VGG shape at width 24, with stroke-width changes on top of the digit augmentation.
     */
    public static TrainingSettings defaults() {
        return new TrainingSettings(20261122L, 24, ClassifierShape.VGG, 128, 30, 10, 2e-3, 0.9, 0.1, 0,
                AugmentationSettings.digits().withStrokeChange(0.5));
    }

    /** Checks ranges; returns the first problem or {@code null}. */
    public String problem() {
        if (width < 1 || width > 256) {
            return "--width must be 1..256, got " + width;
        }
        if (batchSize < 1 || batchSize > 4096) {
            return "--batch must be 1..4096, got " + batchSize;
        }
        if (maxEpochs < 1) {
            return "--epochs must be at least 1, got " + maxEpochs;
        }
        if (patience < 1) {
            return "--patience must be at least 1, got " + patience;
        }
        if (!(learningRate > 0 && learningRate < 1)) {
            return "--learning-rate must be in (0, 1), got " + learningRate;
        }
        if (!(learningRateDecay > 0 && learningRateDecay <= 1)) {
            return "--learning-rate-decay must be in (0, 1], got " + learningRateDecay;
        }
        if (!(validationFraction > 0 && validationFraction < 0.5)) {
            return "--validation-fraction must be in (0, 0.5), got " + validationFraction;
        }
        if (maxMinutes < 0) {
            return "--max-minutes must not be negative, got " + maxMinutes;
        }
        return null;
    }

    /** The settings as text, for reports and logs. */
    public Map<String, String> describe() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("seed", Long.toString(seed));
        map.put("network", shape.title() + ", width " + width);
        map.put("batch size", Integer.toString(batchSize));
        map.put("max epochs", Integer.toString(maxEpochs));
        map.put("early-stopping patience", patience + " epochs");
        map.put("optimiser", "Adam, learning rate " + learningRate + " x " + learningRateDecay + " per epoch, L2 5e-5");
        map.put("validation split", Math.round(validationFraction * 100) + " % of the training split");
        map.put("time limit", maxMinutes == 0 ? "none" : maxMinutes + " min");
        map.put("augmentation", augmentation.enabled() ? augmentation.toString() : "none");
        return map;
    }
}
