package dev.edgevision.trainer.detector.scenes.sets;

import dev.edgevision.core.frame.Frame;
import dev.edgevision.trainer.detector.labels.LabelledBox;
import dev.edgevision.trainer.detector.scenes.Scene;
import java.util.List;

/**
 * Something that renders numbered labelled scenes: scene {@code index} is always the same. An
 * instance keeps working buffers and renders on one thread at a time.
 */
public interface SceneSource {
    /** Renders scene {@code index} into {@code target} and returns it with its boxes. */
    Scene render(long index, Frame target);

    /** The class names its boxes are labelled with, in class-id order: the digits 0-9 unless it says otherwise. */
    default List<String> classes() {
        return SceneSetWriter.CLASSES;
    }

    /**
     * The marks that are not digits (circles, lines, letters, check boxes ...) in the scene last
     * rendered, labelled by their kind, edges in frame pixels; none unless the source records them.
     * The set writer keeps them in {@code marks/NNNNNN.txt} so that detections on them can be counted.
     */
    default List<LabelledBox> lastMarks() {
        return List.of();
    }

    /** One line saying how the scenes are made, for the set's description and reports. */
    String description();
}
