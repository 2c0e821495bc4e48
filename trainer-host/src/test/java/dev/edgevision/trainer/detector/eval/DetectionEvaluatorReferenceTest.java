package dev.edgevision.trainer.detector.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.edgevision.trainer.detector.labels.LabelledBox;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Random cases scored by the evaluator and by a slow reference written from the definitions: for
 * every cut-off k, the top-k detections of a class are matched again from scratch, and the
 * interpolated precision at recall r is the best precision of any cut-off that reaches r.
 */
class DetectionEvaluatorReferenceTest {
    private static final List<String> CLASSES = List.of("a", "b", "c");

    @Test
    void agreesWithBruteForceOnRandomCases() {
        SplittableRandom random = new SplittableRandom(20261122);
        for (int round = 0; round < 200; round++) {
            List<ImageResult> images = randomImages(random);
            DetectionEvaluation e = new DetectionEvaluator(0.5, 0.4).evaluate(images, CLASSES);
            double sum = 0;
            int present = 0;
            for (String label : CLASSES) {
                ClassEvaluation c = e.of(label).orElseThrow();
                double[] reference = referenceCurve(images, label);
                if (reference == null) {
                    assertEquals(false, c.present(), "round " + round + " class " + label);
                    continue;
                }
                double ap = java.util.Arrays.stream(reference).average().orElseThrow();
                assertEquals(ap, c.averagePrecision(), 1e-9, "round " + round + " class " + label);
                assertEquals(referenceTruePositives(images, label, 0.4), c.truePositives(), "round " + round);
                sum += ap;
                present++;
            }
            if (present > 0) {
                assertEquals(sum / present, e.meanAveragePrecision(), 1e-9, "round " + round);
            }
            long falseOnEmpty = images.stream().filter(i -> i.truth().isEmpty())
                    .flatMap(i -> i.predicted().stream()).filter(p -> p.score() >= 0.4).count();
            assertEquals(falseOnEmpty, e.falseOnEmpty());
        }
    }

    private static List<ImageResult> randomImages(SplittableRandom random) {
        List<ImageResult> images = new ArrayList<>();
        int count = 1 + random.nextInt(6);
        for (int i = 0; i < count; i++) {
            List<LabelledBox> truths = new ArrayList<>();
            List<PredictedBox> predicted = new ArrayList<>();
            int objects = random.nextInt(5);
            for (int o = 0; o < objects; o++) {
                double x = random.nextDouble() * 200;
                double y = random.nextDouble() * 200;
                double size = 10 + random.nextDouble() * 40;
                truths.add(new LabelledBox(CLASSES.get(random.nextInt(3)), x, y, x + size, y + size));
            }
            int guesses = random.nextInt(7);
            for (int g = 0; g < guesses; g++) {
                if (!truths.isEmpty() && random.nextDouble() < 0.7) {
                    LabelledBox t = truths.get(random.nextInt(truths.size()));
                    double jitter = t.width() * 0.4;
                    String label = random.nextDouble() < 0.8 ? t.label() : CLASSES.get(random.nextInt(3));
                    predicted.add(new PredictedBox(label, random.nextDouble(),
                            t.x1() + jitter * (random.nextDouble() - 0.5), t.y1() + jitter * (random.nextDouble() - 0.5),
                            t.x2() + jitter * (random.nextDouble() - 0.5), t.y2() + jitter * (random.nextDouble() - 0.5)));
                } else {
                    double x = random.nextDouble() * 200;
                    double y = random.nextDouble() * 200;
                    predicted.add(new PredictedBox(CLASSES.get(random.nextInt(3)), random.nextDouble(), x, y, x + 30, y + 30));
                }
            }
            images.add(new ImageResult(predicted, truths));
        }
        return images;
    }

    /** The 101 interpolated precisions of {@code label}, or null when it has no true box. */
    private static double[] referenceCurve(List<ImageResult> images, String label) {
        int truths = (int) images.stream().flatMap(i -> i.truth().stream()).filter(t -> t.label().equals(label)).count();
        if (truths == 0) {
            return null;
        }
        List<Double> scores = images.stream().flatMap(i -> i.predicted().stream())
                .filter(p -> p.label().equals(label)).map(PredictedBox::score)
                .sorted(Comparator.reverseOrder()).toList();
        double[] precision = new double[scores.size()];
        double[] recall = new double[scores.size()];
        for (int k = 0; k < scores.size(); k++) {
            int hits = matchedAtOrAbove(images, label, scores.get(k));
            precision[k] = hits / (k + 1.0);
            recall[k] = hits / (double) truths;
        }
        double[] curve = new double[101];
        for (int p = 0; p <= 100; p++) {
            double best = 0;
            for (int k = 0; k < scores.size(); k++) {
                if (recall[k] >= p / 100.0 - 1e-12) {
                    best = Math.max(best, precision[k]);
                }
            }
            curve[p] = best;
        }
        return curve;
    }

    private static int referenceTruePositives(List<ImageResult> images, String label, double threshold) {
        return matchedAtOrAbove(images, label, threshold);
    }

    /** True detections when only those of {@code label} scoring at least {@code cut} exist, matched from scratch. */
    private static int matchedAtOrAbove(List<ImageResult> images, String label, double cut) {
        int hits = 0;
        for (ImageResult image : images) {
            List<PredictedBox> kept = image.predicted().stream()
                    .filter(p -> p.label().equals(label) && p.score() >= cut)
                    .sorted(Comparator.comparingDouble(PredictedBox::score).reversed()).toList();
            List<LabelledBox> open = new ArrayList<>(image.truth().stream().filter(t -> t.label().equals(label)).toList());
            for (PredictedBox p : kept) {
                LabelledBox best = null;
                double bestIou = 0;
                for (LabelledBox t : open) {
                    double iou = p.iou(t);
                    if (iou >= 0.5 && iou > bestIou) {
                        best = t;
                        bestIou = iou;
                    }
                }
                if (best != null) {
                    open.remove(best);
                    hits++;
                }
            }
        }
        return hits;
    }
}
