package dev.edgevision.trainer.detector.eval;

import dev.edgevision.trainer.detector.labels.LabelledBox;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What went wrong in one image, for pictures of the errors: the true boxes no detection of their
 * class took, and the detections that took no true box of their class, matched class by class as
 * {@link DetectionEvaluator} matches them (highest score first, IoU threshold).
 *
 * @param missed true boxes left unmatched
 * @param wrong detections left unmatched, highest score first
 */
public record FrameErrors(List<LabelledBox> missed, List<PredictedBox> wrong) {
    /** Copies the lists. */
    public FrameErrors {
        missed = List.copyOf(missed);
        wrong = List.copyOf(wrong);
    }

    /** The errors of {@code image}, whose detections are those to be judged (e.g. at a threshold). */
    public static FrameErrors of(ImageResult image, double iouThreshold) {
        List<LabelledBox> missed = new ArrayList<>();
        List<PredictedBox> wrong = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        image.truth().forEach(t -> ConfusionTable.addIfNew(labels, t.label()));
        image.predicted().forEach(p -> ConfusionTable.addIfNew(labels, p.label()));
        for (String label : labels) {
            List<PredictedBox> ranked = new ArrayList<>(image.predicted().stream()
                    .filter(p -> p.label().equals(label)).toList());
            ranked.sort(Comparator.comparingDouble(PredictedBox::score).reversed());
            List<LabelledBox> truths = image.truth().stream().filter(t -> t.label().equals(label)).toList();
            int[] took = GreedyMatcher.takenTruths(ranked, truths, iouThreshold);
            boolean[] found = new boolean[truths.size()];
            for (int d = 0; d < ranked.size(); d++) {
                if (took[d] < 0) {
                    wrong.add(ranked.get(d));
                } else {
                    found[took[d]] = true;
                }
            }
            for (int t = 0; t < truths.size(); t++) {
                if (!found[t]) {
                    missed.add(truths.get(t));
                }
            }
        }
        wrong.sort(Comparator.comparingDouble(PredictedBox::score).reversed());
        return new FrameErrors(missed, wrong);
    }

    /** The true box of another class that {@code p} overlaps most by at least {@code iouThreshold}, or null. */
    public static LabelledBox takenFor(PredictedBox p, List<LabelledBox> truth, double iouThreshold) {
        LabelledBox best = null;
        double bestIou = iouThreshold;
        for (LabelledBox t : truth) {
            double iou = p.iou(t);
            if (!t.label().equals(p.label()) && iou >= bestIou) {
                best = t;
                bestIou = iou;
            }
        }
        return best;
    }
}
