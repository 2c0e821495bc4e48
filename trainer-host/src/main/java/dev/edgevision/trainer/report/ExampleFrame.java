package dev.edgevision.trainer.report;

import dev.edgevision.core.frame.Frame;
import dev.edgevision.trainer.detector.eval.PredictedBox;
import dev.edgevision.trainer.detector.labels.LabelledBox;
import dev.edgevision.trainer.detector.scenes.sets.FrameImages;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * One frame for a detector report's gallery: the picture, its true boxes and what the detector
 * found, all in the picture's pixels.
 *
 * @param image the frame as captured
 * @param truth the true boxes
 * @param predicted the detections to draw (usually those at or above the report's score threshold)
 * @param caption text under the picture, e.g. the file name
 */
public record ExampleFrame(BufferedImage image, List<LabelledBox> truth, List<PredictedBox> predicted, String caption) {
    /** Rejects a missing image and copies the lists. */
    public ExampleFrame {
        if (image == null) {
            throw new IllegalArgumentException("example frame has no image");
        }
        truth = List.copyOf(truth);
        predicted = List.copyOf(predicted);
        caption = caption == null ? "" : caption;
    }

    /** An example from a core frame (copied, so the frame can be reused at once). */
    public static ExampleFrame of(Frame frame, List<LabelledBox> truth, List<PredictedBox> predicted, String caption) {
        return new ExampleFrame(FrameImages.toImage(frame), truth, predicted, caption);
    }
}
