package dev.edgevision.trainer.detector.eval;

/**
 * COCO's 101-point interpolated average precision of one class. With detections ranked by score,
 * precision and recall are taken after each one; the interpolated precision at recall {@code r}
 * is the best precision reached at any recall of at least {@code r} (0 when recall never gets
 * there), and AP is its mean over r = 0, 0.01, ..., 1.
 */
final class AveragePrecision {
    /** Number of recall points. */
    static final int POINTS = 101;
    /** Slack so that a recall of 3/10 counts as reaching the point 0.30 despite rounding. */
    private static final double EPSILON = 1e-12;

    private AveragePrecision() {
    }

    /**
     * The interpolated precision at the 101 recall points.
     *
     * @param correct for each detection, highest score first: whether it matched a true box
     * @param truths number of true boxes of the class (at least 1)
     */
    static double[] interpolated(boolean[] correct, int truths) {
        int n = correct.length;
        double[] recall = new double[n];
        double[] envelope = new double[n];
        int hits = 0;
        for (int i = 0; i < n; i++) {
            hits += correct[i] ? 1 : 0;
            recall[i] = (double) hits / truths;
            envelope[i] = (double) hits / (i + 1);
        }
        for (int i = n - 2; i >= 0; i--) {
            envelope[i] = Math.max(envelope[i], envelope[i + 1]);
        }
        double[] precision = new double[POINTS];
        int k = 0;
        for (int p = 0; p < POINTS; p++) {
            double level = p / (double) (POINTS - 1);
            while (k < n && recall[k] < level - EPSILON) {
                k++;
            }
            precision[p] = k < n ? envelope[k] : 0;
        }
        return precision;
    }

    /** The mean of {@code interpolated}: the class's AP. */
    static double of(double[] interpolated) {
        double sum = 0;
        for (double p : interpolated) {
            sum += p;
        }
        return sum / interpolated.length;
    }
}
