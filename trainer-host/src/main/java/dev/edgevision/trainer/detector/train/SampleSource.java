package dev.edgevision.trainer.detector.train;

import java.util.List;

/**
 * Makes training examples on demand: generated digit scenes, or a user's labelled images with
 * augmentation. {@link #sample(long)} is deterministic in its seed, so a run can be repeated and
 * resumed; an instance is used from one thread and may reuse the returned frame on the next call.
 */
public interface SampleSource {
    /** The class names, in class-id order. */
    List<String> classes();

    /** The example for {@code seed}. */
    LabelledFrame sample(long seed) throws java.io.IOException;

    /** A new source of the same examples for another thread. */
    SampleSource copy();
}
