package dev.edgevision.trainer.detector.eval;

import static dev.edgevision.trainer.detector.eval.TestBoxes.on;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgevision.trainer.detector.labels.LabelledBox;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which detections on letters are let pass as fair readings, and what that does to the scores. */
class IllPosedMarksTest {
    private static final List<String> CLASSES = List.of("0", "1", "5", "8");
    private static final LabelledBox ZERO = new LabelledBox("0", 10, 10, 50, 60);
    private static final LabelledBox O = new LabelledBox("letter-O", 100, 10, 140, 60);
    private static final LabelledBox BAR = new LabelledBox("letter-I", 200, 10, 212, 60);
    private static final LabelledBox S = new LabelledBox("letter-S", 300, 10, 340, 60);
    private static final LabelledBox CIRCLE = new LabelledBox("circle", 400, 10, 450, 60);
    /** A letter O written over a true zero's box: a detection there is the zero's, not the letter's. */
    private static final LabelledBox O_ON_ZERO = new LabelledBox("letter-O", 12, 10, 50, 58);


    @Test
    void letsPassOnlyTheDigitALetterResemblesAndNeverATrueObjectsMatch() {
        PredictedBox oAsZero = on(O, "0", 0.9);
        PredictedBox barAsOne = new PredictedBox("1", 0.7, 199, 12, 213, 58);
        ImageResult image = new ImageResult(List.of(on(ZERO, "0", 0.95), oAsZero, on(O, "8", 0.6), barAsOne,
                on(S, "5", 0.8), on(CIRCLE, "0", 0.85)), List.of(ZERO), List.of(O, BAR, S, CIRCLE, O_ON_ZERO));

        List<IllPosedMarks.Reading> readings = IllPosedMarks.readings(image, 0.5);

        assertEquals(List.of(new IllPosedMarks.Reading(oAsZero, O), new IllPosedMarks.Reading(barAsOne, BAR)), readings,
                "O as 8, S as 5 and a circle as 0 are false detections; the zero's own box matches a true box");
        ImageResult lenient = IllPosedMarks.withoutReadings(image, 0.5);
        assertEquals(4, lenient.predicted().size());
        assertTrue(lenient.predicted().contains(on(O, "8", 0.6)) && lenient.predicted().contains(on(CIRCLE, "0", 0.85)));
    }

    @Test
    void anImageWithoutIllPosedMarksIsScoredAsItIs() {
        ImageResult image = new ImageResult(List.of(on(S, "5", 0.8)), List.of(), List.of(S));
        assertSame(image, IllPosedMarks.withoutReadings(image, 0.5));
        assertTrue(IllPosedMarks.readings(new ImageResult(List.of(on(O, "0", 0.9)), List.of()), 0.5).isEmpty(),
                "no recorded marks, nothing let pass");
    }

    @Test
    void leavingReadingsOutRaisesPrecisionAndLowersFalseDetectionsOnEmptyFrames() {
        List<ImageResult> images = List.of(
                new ImageResult(List.of(on(ZERO, "0", 0.6), on(O, "0", 0.9)), List.of(ZERO), List.of(O)),
                new ImageResult(List.of(on(BAR, "1", 0.8), on(S, "5", 0.7)), List.of(), List.of(BAR, S)));
        DetectionEvaluator evaluator = new DetectionEvaluator(0.5, 0.5);

        DetectionEvaluation strict = evaluator.evaluate(images, CLASSES);
        DetectionEvaluation lenient = evaluator.evaluate(images.stream()
                .map(r -> IllPosedMarks.withoutReadings(r, 0.5)).toList(), CLASSES);

        // class 0: the letter O at 0.9 ranks above the true zero at 0.6 -> AP 0.5 strict, 1.0 without it
        assertEquals(0.5, strict.of("0").orElseThrow().averagePrecision(), 1e-12);
        assertEquals(1.0, lenient.of("0").orElseThrow().averagePrecision(), 1e-12);
        assertEquals(2.0, strict.falseDetectionsPerEmptyFrame(), 1e-12);
        assertEquals(1.0, lenient.falseDetectionsPerEmptyFrame(), 1e-12, "the S read as 5 still counts");
        assertEquals(1.0 / 4, strict.precision(), 1e-12);
        assertEquals(1.0 / 2, lenient.precision(), 1e-12);
    }
}
