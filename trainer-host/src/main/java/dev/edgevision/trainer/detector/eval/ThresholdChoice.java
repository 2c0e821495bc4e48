package dev.edgevision.trainer.detector.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The score threshold a detector ships with, chosen on validation: the one that maximises F1 (the
 * harmonic mean of precision and recall, pooled over the classes) when every detection scoring at
 * least it is kept. Of thresholds with the same F1 the highest is taken, so that fewer detections
 * are published for the same result.
 *
 * @param threshold the chosen least score
 * @param f1 F1 at that threshold
 * @param precision precision at that threshold
 * @param recall recall at that threshold
 */
public record ThresholdChoice(double threshold, double f1, double precision, double recall) {
    private record Ranked(double score, boolean correct) {
    }

    /**
     * The best-F1 threshold of {@code evaluation}'s detections (its curves hold every detection down
     * to the lowest score it was run at); {@code fallback} with NaN figures when there is no true box or
     * no detection, and with figures 0 when no threshold finds anything.
     */
    public static ThresholdChoice maxF1(DetectionEvaluation evaluation, double fallback) {
        List<Ranked> ranked = new ArrayList<>();
        int truths = 0;
        for (ClassEvaluation c : evaluation.classes()) {
            truths += c.truths();
            int hits = 0;
            for (PrPoint p : c.curve()) {
                int now = c.truths() == 0 ? 0 : (int) Math.round(p.recall() * c.truths());
                ranked.add(new Ranked(p.score(), now > hits));
                hits = now;
            }
        }
        if (truths == 0 || ranked.isEmpty()) {
            return new ThresholdChoice(fallback, Double.NaN, Double.NaN, Double.NaN);
        }
        ranked.sort(Comparator.comparingDouble(Ranked::score).reversed());
        int tp = 0;
        double bestF1 = -1;
        ThresholdChoice best = null;
        for (int i = 0; i < ranked.size(); i++) {
            tp += ranked.get(i).correct() ? 1 : 0;
            boolean lastOfScore = i + 1 == ranked.size() || ranked.get(i + 1).score() < ranked.get(i).score();
            if (!lastOfScore) {
                continue;
            }
            double f1 = 2.0 * tp / (i + 1 + truths);
            if (f1 > bestF1 + 1e-12) {
                bestF1 = f1;
                best = new ThresholdChoice(ranked.get(i).score(), f1, (double) tp / (i + 1), (double) tp / truths);
            }
        }
        return bestF1 > 0 ? best : new ThresholdChoice(fallback, 0, 0, 0);
    }

    /** The threshold rounded down to 3 decimals, as the manifest carries it (so the chosen detections all stay). */
    public double manifestValue() {
        return Math.floor(threshold * 1000) / 1000;
    }
}
