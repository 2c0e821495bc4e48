package dev.edgevision.trainer.detector.train;

import dev.edgevision.trainer.detector.net.ClassLoss;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything that decides a detector training run. Two runs with equal settings and data train
 * the same network; a checkpoint is resumed only under the settings it was made with.
 *
 * @param seed seeds weights, examples and the validation set
 * @param inputWidth model input width in pixels
 * @param inputHeight model input height in pixels
 * @param widths channels of each 3x3 stage (the stride is 2 to the number of stages minus one)
 * @param contextConvs 3x3 layers after the last stage, at its width (each widens what a cell sees by
 *     two cells)
 * @param anchorCount anchors fitted to the data's boxes
 * @param batchSize examples per step
 * @param stepsPerEpoch steps between validations and checkpoints
 * @param maxEpochs epochs at most
 * @param patience epochs without a better validation mAP before stopping
 * @param learningRate Adam's peak learning rate (warm-up, then a polynomial decay to 5 % at the end of the
 *     {@code maxEpochs} the run started with; {@link WarmupDecaySchedule})
 * @param validationFrames examples in the fixed validation set
 * @param classLoss how the output layer scores class predictions; a checkpoint written before this
 *     setting existed reads as {@link ClassLoss#SQUARED_ERROR}, what it was trained with
 */
public record DetectorTrainingSettings(long seed, int inputWidth, int inputHeight, List<Integer> widths,
        int contextConvs, int anchorCount, int batchSize, int stepsPerEpoch, int maxEpochs, int patience, double learningRate,
        int validationFrames, ClassLoss classLoss) {

    public DetectorTrainingSettings {
        widths = List.copyOf(widths);
        classLoss = classLoss == null ? ClassLoss.SQUARED_ERROR : classLoss;
    }

    /** The default digit detector's settings. */
    public static DetectorTrainingSettings digits() {
        return new DetectorTrainingSettings(20261122L, 320, 240, List.of(8, 24, 48, 64, 128), 2, 5, 16, 200, 30, 8,
                2e-3, 256, ClassLoss.DEFAULT);
    }

    /**
     * Settings for a user's own labelled images: the digit detector's network, with fewer and
     * shorter epochs, so that a few hundred images train in under half an hour on two cores
     * (the schedule ends where the time does, rather than being cut off).
     */
    public static DetectorTrainingSettings labelledImages() {
        DetectorTrainingSettings d = digits();
        return new DetectorTrainingSettings(d.seed(), d.inputWidth(), d.inputHeight(), d.widths(), d.contextConvs(),
                d.anchorCount(), d.batchSize(), 100, 12, 6, d.learningRate(), 128, d.classLoss());
    }

    /** The first problem with these settings, or null. */
    public String problem() {
        int stride = 1 << (widths.size() - 1);
        if (inputWidth % stride != 0 || inputHeight % stride != 0 || inputWidth <= 0 || inputHeight <= 0) {
            return "--size " + inputWidth + "x" + inputHeight + " must be a positive multiple of the stride " + stride;
        }
        if (contextConvs < 0 || contextConvs > 6) {
            return "--context-layers must be 0..6, got " + contextConvs;
        }
        if (anchorCount < 1 || anchorCount > 9) {
            return "--anchors must be 1..9, got " + anchorCount;
        }
        if (batchSize < 1 || stepsPerEpoch < 1 || maxEpochs < 1 || patience < 1 || validationFrames < 1) {
            return "--batch, --steps, --epochs, --patience and --validation must be at least 1";
        }
        if (!(learningRate > 0 && learningRate < 1)) {
            return "--learning-rate must be in (0, 1), got " + learningRate;
        }
        return null;
    }

    /** These settings with at most {@code epochs} epochs: how a resumed run is extended. */
    public DetectorTrainingSettings withMaxEpochs(int epochs) {
        return new DetectorTrainingSettings(seed, inputWidth, inputHeight, widths, contextConvs, anchorCount, batchSize,
                stepsPerEpoch, epochs, patience, learningRate, validationFrames, classLoss);
    }

    /** Settings as the report and checkpoint show them. */
    public Map<String, String> describe() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("seed", Long.toString(seed));
        m.put("input", inputWidth + "x" + inputHeight + " grayscale, letterbox");
        m.put("stages", widths.toString());
        if (contextConvs > 0) {
            m.put("context layers", Integer.toString(contextConvs));
        }
        m.put("anchors", Integer.toString(anchorCount));
        m.put("batch", Integer.toString(batchSize));
        m.put("steps per epoch", Integer.toString(stepsPerEpoch));
        m.put("max epochs", Integer.toString(maxEpochs));
        m.put("patience", Integer.toString(patience));
        m.put("learning rate", Double.toString(learningRate));
        m.put("validation frames", Integer.toString(validationFrames));
        m.put("class loss", classLoss == ClassLoss.CROSS_ENTROPY ? "cross-entropy" : "squared error");
        return m;
    }
}
