package dev.edgevision.trainer.detector.eval;

import dev.edgevision.trainer.detector.labels.LabelledBox;
import java.util.List;

/**
 * What a detector found in one image, beside what the image holds. An empty {@code truth} marks an
 * image with no object, where every detection is a false one.
 *
 * @param predicted the detections, in any order
 * @param truth the true boxes
 * @param marks recorded marks that are not objects (label: the kind of mark), so that false
 *     detections on them can be told from ones on bare background; empty when none was recorded
 */
public record ImageResult(List<PredictedBox> predicted, List<LabelledBox> truth, List<LabelledBox> marks) {
    /** Copies the lists. */
    public ImageResult {
        predicted = List.copyOf(predicted);
        truth = List.copyOf(truth);
        marks = List.copyOf(marks);
    }

    /** A result with no recorded marks. */
    public ImageResult(List<PredictedBox> predicted, List<LabelledBox> truth) {
        this(predicted, truth, List.of());
    }

    /** The same image keeping only the detections scoring at least {@code threshold}. */
    public ImageResult atOrAbove(double threshold) {
        return new ImageResult(predicted.stream().filter(p -> p.score() >= threshold).toList(), truth, marks);
    }
}
