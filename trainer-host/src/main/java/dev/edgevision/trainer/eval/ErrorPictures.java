package dev.edgevision.trainer.eval;

import dev.edgevision.trainer.report.GalleryImage;
import java.util.List;

/**
 * Pictures of a detector's errors at the reporting threshold, cut from the frames of a scored set
 * (at most two of each kind per frame, so that they come from across the set).
 *
 * @param missed true objects no detection of their class found, captioned with the class
 * @param wrong detections that found no object of their class, captioned with what they said, their
 *     score and, when they lie on an object of another class, that class
 */
public record ErrorPictures(List<GalleryImage> missed, List<GalleryImage> wrong) {
    /** Copies the lists. */
    public ErrorPictures {
        missed = List.copyOf(missed);
        wrong = List.copyOf(wrong);
    }
}
