package dev.edgevision.trainer.detector.eval;

import dev.edgevision.trainer.detector.labels.LabelledBox;
import java.util.List;

/**
 * COCO's matching within one image and one class: detections are taken from the highest score
 * down, and each takes the still unmatched true box it overlaps most, if that overlap reaches the
 * IoU threshold. A detection that finds none (a second one on an object, a box in the wrong place)
 * is false; a true box no detection took is a miss.
 */
final class GreedyMatcher {
    private GreedyMatcher() {
    }

    /**
     * Marks which of {@code ranked} (one class, highest score first) are true detections.
     *
     * @return for each detection, true when it matched a true box
     */
    static boolean[] match(List<PredictedBox> ranked, List<LabelledBox> truths, double iouThreshold) {
        int[] taken = takenTruths(ranked, truths, iouThreshold);
        boolean[] correct = new boolean[ranked.size()];
        for (int d = 0; d < ranked.size(); d++) {
            correct[d] = taken[d] >= 0;
        }
        return correct;
    }

    /**
     * For each of {@code ranked} (one class, highest score first), the index of the true box it
     * took, or -1 when it took none.
     */
    static int[] takenTruths(List<PredictedBox> ranked, List<LabelledBox> truths, double iouThreshold) {
        boolean[] taken = new boolean[truths.size()];
        int[] took = new int[ranked.size()];
        for (int d = 0; d < ranked.size(); d++) {
            PredictedBox prediction = ranked.get(d);
            int best = -1;
            double bestIou = iouThreshold;
            for (int t = 0; t < truths.size(); t++) {
                if (taken[t]) {
                    continue;
                }
                double iou = prediction.iou(truths.get(t));
                if (iou > bestIou || (best < 0 && iou >= bestIou)) {
                    best = t;
                    bestIou = iou;
                }
            }
            if (best >= 0) {
                taken[best] = true;
            }
            took[d] = best;
        }
        return took;
    }
}
