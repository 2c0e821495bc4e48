package dev.edgevision.device.pipeline;

import dev.edgevision.core.detect.DetectionRecord;
import dev.edgevision.core.frame.Frame;

/**
 * Sees each processed frame with its record, in the order the frames were grabbed, on the thread of
 * the pipeline's worker that processed it and while the frame buffer is still that worker's: an
 * implementation copies what it keeps and returns without waiting.
 */
@FunctionalInterface
public interface FrameTap {
    /** A tap that looks at nothing. */
    FrameTap NONE = (camera, frame, record) -> {
    };

    void frameDone(String camera, Frame frame, DetectionRecord record);
}
