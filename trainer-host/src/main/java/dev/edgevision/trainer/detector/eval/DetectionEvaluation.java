package dev.edgevision.trainer.detector.eval;

import java.util.List;
import java.util.Optional;

/**
 * A detector's scores on a set of images: per class and overall.
 *
 * @param iouThreshold least IoU for a detection to count as finding a true box (0.5: mAP@0.5)
 * @param scoreThreshold least score of a detection kept for the counts (precision, recall, false detections)
 * @param classes one entry per class, in class order
 * @param meanAveragePrecision mean AP over the classes with true boxes (NaN when none has)
 * @param meanInterpolated mean over those classes of the interpolated precision at each of the 101
 *     recall points: the overall precision/recall curve, whose mean is the mAP
 * @param images number of images scored
 * @param emptyImages images with no true box
 * @param falseOnEmpty detections at or above the score threshold in images with no true box
 */
public record DetectionEvaluation(double iouThreshold, double scoreThreshold, List<ClassEvaluation> classes,
        double meanAveragePrecision, double[] meanInterpolated, int images, int emptyImages, int falseOnEmpty) {
    /** Copies the list and array. */
    public DetectionEvaluation {
        classes = List.copyOf(classes);
        meanInterpolated = meanInterpolated.clone();
    }

    @Override
    public double[] meanInterpolated() {
        return meanInterpolated.clone();
    }

    /** The scores of class {@code label}, if it was scored. */
    public Optional<ClassEvaluation> of(String label) {
        return classes.stream().filter(c -> c.label().equals(label)).findFirst();
    }

    /** False detections per image that holds no object; NaN when there is no such image. */
    public double falseDetectionsPerEmptyFrame() {
        return emptyImages == 0 ? Double.NaN : (double) falseOnEmpty / emptyImages;
    }

    /** True boxes in all images. */
    public int truths() {
        return classes.stream().mapToInt(ClassEvaluation::truths).sum();
    }

    /** Detections at or above the score threshold that found an object, over all classes. */
    public int truePositives() {
        return classes.stream().mapToInt(ClassEvaluation::truePositives).sum();
    }

    /** Detections at or above the score threshold that found none, over all classes. */
    public int falsePositives() {
        return classes.stream().mapToInt(ClassEvaluation::falsePositives).sum();
    }

    /** True boxes not found at or above the score threshold, over all classes. */
    public int misses() {
        return classes.stream().mapToInt(ClassEvaluation::misses).sum();
    }

    /** Share of kept detections that are right, over all classes; NaN when none was kept. */
    public double precision() {
        int kept = truePositives() + falsePositives();
        return kept == 0 ? Double.NaN : (double) truePositives() / kept;
    }

    /** Share of true boxes found, over all classes; NaN when there is none. */
    public double recall() {
        int truths = truths();
        return truths == 0 ? Double.NaN : (double) truePositives() / truths;
    }
}
