package dev.edgevision.trainer.detector.scenes;

import dev.edgevision.core.frame.Frame;
import dev.edgevision.trainer.detector.labels.LabelledBox;
import java.util.List;

/**
 * One rendered scene: the frame it was drawn into and the digits on it.
 *
 * @param frame the caller's frame, now holding the picture
 * @param boxes one box per digit: label "0".."9", edges in frame pixels around the pixels its ink
 *     covers at least half of (left/top edge of the first such column/row, right/bottom edge of the last)
 */
public record Scene(Frame frame, List<LabelledBox> boxes) {
    /** Copies the box list. */
    public Scene {
        boxes = List.copyOf(boxes);
    }
}
