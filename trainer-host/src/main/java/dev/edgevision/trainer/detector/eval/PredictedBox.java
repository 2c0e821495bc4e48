package dev.edgevision.trainer.detector.eval;

import dev.edgevision.core.detect.BoundingBox;
import dev.edgevision.core.detect.Detection;
import dev.edgevision.trainer.detector.labels.LabelledBox;

/**
 * One detection to be scored: its class, its score and its box in image pixels (left, top, right,
 * bottom edges, as {@link LabelledBox}).
 *
 * @param label class name
 * @param score confidence; higher ranks first
 * @param x1 left edge
 * @param y1 top edge
 * @param x2 right edge
 * @param y2 bottom edge
 */
public record PredictedBox(String label, double score, double x1, double y1, double x2, double y2) {
    /** Rejects a missing label and a non-finite score. */
    public PredictedBox {
        if (label == null) {
            throw new IllegalArgumentException("predicted box has no label");
        }
        if (!Double.isFinite(score)) {
            throw new IllegalArgumentException("predicted box '" + label + "' has score " + score);
        }
    }

    /** A device detection (box as x, y, w, h) in the form the evaluator scores. */
    public static PredictedBox of(Detection detection) {
        BoundingBox b = detection.box();
        return new PredictedBox(detection.label(), detection.score(), b.x(), b.y(), b.x() + b.w(), b.y() + b.h());
    }

    /** The box with its label, without the score. */
    public LabelledBox box() {
        return new LabelledBox(label, x1, y1, x2, y2);
    }

    /** Intersection over union with {@code truth}; 0 when they do not overlap or either has no area. */
    public double iou(LabelledBox truth) {
        return iou(x1, y1, x2, y2, truth.x1(), truth.y1(), truth.x2(), truth.y2());
    }

    /** Intersection over union of two boxes given by their edges. */
    public static double iou(double ax1, double ay1, double ax2, double ay2,
            double bx1, double by1, double bx2, double by2) {
        double iw = Math.min(ax2, bx2) - Math.max(ax1, bx1);
        double ih = Math.min(ay2, by2) - Math.max(ay1, by1);
        if (iw <= 0 || ih <= 0) {
            return 0;
        }
        double inter = iw * ih;
        double union = Math.max(0, ax2 - ax1) * Math.max(0, ay2 - ay1)
                + Math.max(0, bx2 - bx1) * Math.max(0, by2 - by1) - inter;
        return union <= 0 ? 0 : inter / union;
    }
}
