package dev.edgevision.trainer.detector.train;

import dev.edgevision.core.frame.Frame;
import dev.edgevision.trainer.detector.labels.LabelledBox;
import java.util.List;

/**
 * One training example as a camera would deliver it: a frame and the boxes of what it shows, in
 * frame pixels.
 */
public record LabelledFrame(Frame frame, List<LabelledBox> boxes) {
}
