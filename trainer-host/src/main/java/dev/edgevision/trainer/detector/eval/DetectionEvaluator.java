package dev.edgevision.trainer.detector.eval;

import dev.edgevision.trainer.detector.labels.LabelledBox;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores detections against true boxes, COCO-style at one IoU threshold (see the package). Images
 * are taken in the order given; detections of equal score keep that order, as in COCO's stable sort.
 */
public final class DetectionEvaluator {
    /** The usual thresholds: mAP@0.5, counts at score 0.5. */
    public static final double DEFAULT_IOU = 0.5;
    public static final double DEFAULT_SCORE = 0.5;

    private final double iouThreshold;
    private final double scoreThreshold;

    /** An evaluator at IoU {@code iouThreshold} whose counts keep detections scoring at least {@code scoreThreshold}. */
    public DetectionEvaluator(double iouThreshold, double scoreThreshold) {
        if (!(iouThreshold > 0 && iouThreshold <= 1)) {
            throw new IllegalArgumentException("IoU threshold must be in (0, 1], got " + iouThreshold);
        }
        if (!Double.isFinite(scoreThreshold)) {
            throw new IllegalArgumentException("score threshold must be a number, got " + scoreThreshold);
        }
        this.iouThreshold = iouThreshold;
        this.scoreThreshold = scoreThreshold;
    }

    /** mAP@0.5 with counts at score 0.5. */
    public static DetectionEvaluator standard() {
        return new DetectionEvaluator(DEFAULT_IOU, DEFAULT_SCORE);
    }

    /**
     * Scores {@code images}. {@code classes} gives the class order of the result; labels met in the
     * images but not listed are scored too, after the listed ones.
     */
    public DetectionEvaluation evaluate(List<ImageResult> images, List<String> classes) {
        Map<String, ClassTally> tallies = new LinkedHashMap<>();
        classes.forEach(label -> tallies.put(label, new ClassTally()));
        int empty = 0;
        int falseOnEmpty = 0;
        for (ImageResult image : images) {
            if (image.truth().isEmpty()) {
                empty++;
                falseOnEmpty += (int) image.predicted().stream().filter(p -> p.score() >= scoreThreshold).count();
            }
            Map<String, List<PredictedBox>> predicted = new LinkedHashMap<>();
            Map<String, List<LabelledBox>> truth = new LinkedHashMap<>();
            image.predicted().forEach(p -> predicted.computeIfAbsent(p.label(), k -> new ArrayList<>()).add(p));
            image.truth().forEach(t -> truth.computeIfAbsent(t.label(), k -> new ArrayList<>()).add(t));
            predicted.keySet().forEach(label -> tallies.computeIfAbsent(label, k -> new ClassTally()));
            truth.keySet().forEach(label -> tallies.computeIfAbsent(label, k -> new ClassTally()));
            for (Map.Entry<String, ClassTally> entry : tallies.entrySet()) {
                List<PredictedBox> ranked = new ArrayList<>(predicted.getOrDefault(entry.getKey(), List.of()));
                ranked.sort(Comparator.comparingDouble(PredictedBox::score).reversed());
                List<LabelledBox> truths = truth.getOrDefault(entry.getKey(), List.of());
                entry.getValue().add(ranked, GreedyMatcher.match(ranked, truths, iouThreshold), truths.size());
            }
        }
        List<ClassEvaluation> results = new ArrayList<>();
        tallies.forEach((label, tally) -> results.add(tally.evaluate(label, scoreThreshold)));
        return new DetectionEvaluation(iouThreshold, scoreThreshold, results, meanAp(results), meanCurve(results),
                images.size(), empty, falseOnEmpty);
    }

    private static double meanAp(List<ClassEvaluation> classes) {
        return classes.stream().filter(ClassEvaluation::present).mapToDouble(ClassEvaluation::averagePrecision)
                .average().orElse(Double.NaN);
    }

    private static double[] meanCurve(List<ClassEvaluation> classes) {
        List<ClassEvaluation> present = classes.stream().filter(ClassEvaluation::present).toList();
        if (present.isEmpty()) {
            return new double[0];
        }
        double[] mean = new double[AveragePrecision.POINTS];
        for (ClassEvaluation c : present) {
            double[] curve = c.interpolated();
            for (int i = 0; i < mean.length; i++) {
                mean[i] += curve[i] / present.size();
            }
        }
        return mean;
    }
}
