package dev.edgevision.trainer.detector.eval;

import java.util.List;

/**
 * The scores of one class.
 *
 * @param label class name
 * @param truths true boxes of the class
 * @param detections detections of the class, at any score
 * @param averagePrecision COCO-style AP at the evaluation's IoU threshold; NaN when the class has no true box
 * @param interpolated interpolated precision at recall 0, 0.01, ..., 1 (101 values; empty when the class has no true box)
 * @param curve precision and recall after each detection, highest score first
 * @param truePositives detections at or above the score threshold that found an object
 * @param falsePositives detections at or above the score threshold that found none
 * @param misses true boxes no detection at or above the score threshold found
 */
public record ClassEvaluation(String label, int truths, int detections, double averagePrecision,
        double[] interpolated, List<PrPoint> curve, int truePositives, int falsePositives, int misses) {
    /** Copies the arrays. */
    public ClassEvaluation {
        interpolated = interpolated.clone();
        curve = List.copyOf(curve);
    }

    /** Whether the class has true boxes, so that its AP counts towards the mAP. */
    public boolean present() {
        return truths > 0;
    }

    /** Share of detections at or above the score threshold that are right; NaN when there is none. */
    public double precision() {
        int kept = truePositives + falsePositives;
        return kept == 0 ? Double.NaN : (double) truePositives / kept;
    }

    /** Share of true boxes found at or above the score threshold; NaN when there is none. */
    public double recall() {
        return truths == 0 ? Double.NaN : (double) truePositives / truths;
    }

    @Override
    public double[] interpolated() {
        return interpolated.clone();
    }
}
