package dev.edgevision.trainer.detector.scenes.sets;

import dev.edgevision.core.frame.Frame;
import dev.edgevision.trainer.detector.scenes.Scene;

/**
 * Something that renders numbered labelled scenes: scene {@code index} is always the same. An
 * instance keeps working buffers and renders on one thread at a time.
 */
public interface SceneSource {
    /** Renders scene {@code index} into {@code target} and returns it with its boxes. */
    Scene render(long index, Frame target);

    /** One line saying how the scenes are made, for the set's description and reports. */
    String description();
}
