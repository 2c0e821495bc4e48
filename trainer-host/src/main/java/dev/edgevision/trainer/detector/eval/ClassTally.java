package dev.edgevision.trainer.detector.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The matched detections of one class gathered over the images, turned into its scores at the end. */
final class ClassTally {
    private record Ranked(double score, boolean correct) {
    }

    private final List<Ranked> detections = new ArrayList<>();
    private int truths;

    /** Adds one image's detections of the class (highest score first), whether each matched, and its true boxes. */
    void add(List<PredictedBox> ranked, boolean[] correct, int imageTruths) {
        for (int i = 0; i < ranked.size(); i++) {
            detections.add(new Ranked(ranked.get(i).score(), correct[i]));
        }
        truths += imageTruths;
    }

    ClassEvaluation evaluate(String label, double scoreThreshold) {
        List<Ranked> ranked = new ArrayList<>(detections);
        ranked.sort(Comparator.comparingDouble(Ranked::score).reversed());
        boolean[] correct = new boolean[ranked.size()];
        List<PrPoint> curve = new ArrayList<>(ranked.size());
        int hits = 0;
        int truePositives = 0;
        int falsePositives = 0;
        for (int i = 0; i < ranked.size(); i++) {
            Ranked r = ranked.get(i);
            correct[i] = r.correct();
            hits += r.correct() ? 1 : 0;
            curve.add(new PrPoint(r.score(), truths == 0 ? Double.NaN : (double) hits / truths, (double) hits / (i + 1)));
            if (r.score() >= scoreThreshold) {
                truePositives += r.correct() ? 1 : 0;
                falsePositives += r.correct() ? 0 : 1;
            }
        }
        double[] interpolated = truths == 0 ? new double[0] : AveragePrecision.interpolated(correct, truths);
        double ap = truths == 0 ? Double.NaN : AveragePrecision.of(interpolated);
        return new ClassEvaluation(label, truths, ranked.size(), ap, interpolated, curve, truePositives,
                falsePositives, truths - truePositives);
    }
}
