package dev.edgevision.trainer.detector.eval;

import static dev.edgevision.trainer.detector.eval.TestBoxes.on;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.edgevision.trainer.detector.labels.LabelledBox;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which true boxes and detections of one image are errors, matched class by class. */
class FrameErrorsTest {
    private static final LabelledBox ZERO = new LabelledBox("0", 10, 10, 50, 60);
    private static final LabelledBox SEVEN = new LabelledBox("7", 100, 10, 140, 60);
    private static final LabelledBox ONE = new LabelledBox("1", 200, 10, 215, 60);


    @Test
    void missedObjectsAndWrongDetectionsWithWhatTheyLieOn() {
        PredictedBox sevenAsOne = on(SEVEN, "1", 0.55);
        PredictedBox secondZero = new PredictedBox("0", 0.7, 12, 10, 52, 60);
        PredictedBox onPaper = new PredictedBox("4", 0.9, 400, 400, 440, 450);
        ImageResult image = new ImageResult(List.of(on(ZERO, "0", 0.95), secondZero, sevenAsOne, onPaper),
                List.of(ZERO, SEVEN, ONE));

        FrameErrors errors = FrameErrors.of(image, 0.5);

        assertEquals(List.of(SEVEN, ONE), errors.missed(), "the 7 (taken for a 1) and the 1 nothing found");
        assertEquals(List.of(onPaper, secondZero, sevenAsOne), errors.wrong(), "highest score first; a second box on"
                + " the zero is wrong too");
        assertEquals(SEVEN, FrameErrors.takenFor(sevenAsOne, image.truth(), 0.5));
        assertNull(FrameErrors.takenFor(onPaper, image.truth(), 0.5));
        assertNull(FrameErrors.takenFor(secondZero, image.truth(), 0.5), "a box of its own class is not 'another'");
    }

    @Test
    void aPerfectImageHasNoErrors() {
        FrameErrors errors = FrameErrors.of(new ImageResult(List.of(on(ZERO, "0", 0.9), on(ONE, "1", 0.8)),
                List.of(ZERO, ONE)), 0.5);
        assertEquals(List.of(), errors.missed());
        assertEquals(List.of(), errors.wrong());
    }
}
