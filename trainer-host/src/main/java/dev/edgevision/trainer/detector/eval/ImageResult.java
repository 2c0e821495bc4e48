package dev.edgevision.trainer.detector.eval;

import dev.edgevision.trainer.detector.labels.LabelledBox;
import java.util.List;

/**
 * What a detector found in one image, beside what the image holds. An empty {@code truth} marks an
 * image with no object, where every detection is a false one.
 *
 * @param predicted the detections, in any order
 * @param truth the true boxes
 */
public record ImageResult(List<PredictedBox> predicted, List<LabelledBox> truth) {
    /** Copies both lists. */
    public ImageResult {
        predicted = List.copyOf(predicted);
        truth = List.copyOf(truth);
    }
}
