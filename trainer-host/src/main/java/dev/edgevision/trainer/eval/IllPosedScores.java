package dev.edgevision.trainer.eval;

import dev.edgevision.trainer.detector.eval.DetectionEvaluation;
import dev.edgevision.trainer.detector.eval.IllPosedMarks;
import dev.edgevision.trainer.report.GalleryImage;
import java.util.List;

/**
 * A detector's scores with the readings of {@link IllPosedMarks} let pass (a letter O reported as
 * "0", an I or l as "1"), beside the strict ones, and pictures of what was let pass so that a
 * reader can judge whether it should have been.
 *
 * @param marks ill-posed marks recorded in the set
 * @param readings detections at or above the reporting threshold that were let pass
 * @param evaluation scores over the whole precision/recall curve without the readings
 * @param published scores of what the device publishes, without the readings
 * @param readingCrops some of the marks that were read as their digit, cut from their frames
 * @param digitCrops true digits of the same classes from the same set, cut the same way, to compare
 */
public record IllPosedScores(int marks, int readings, DetectionEvaluation evaluation, DetectionEvaluation published,
        List<GalleryImage> readingCrops, List<GalleryImage> digitCrops) {
    /** Copies the lists. */
    public IllPosedScores {
        readingCrops = List.copyOf(readingCrops);
        digitCrops = List.copyOf(digitCrops);
    }
}
