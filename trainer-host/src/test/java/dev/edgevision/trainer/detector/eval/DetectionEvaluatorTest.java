package dev.edgevision.trainer.detector.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgevision.trainer.detector.labels.LabelledBox;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-made cases whose AP is worked out in the comments. */
class DetectionEvaluatorTest {
    private static final double EXACT = 1e-12;
    private final DetectionEvaluator evaluator = DetectionEvaluator.standard();

    private static LabelledBox truth(String label, double x, double y, double size) {
        return new LabelledBox(label, x, y, x + size, y + size);
    }

    private static PredictedBox hit(LabelledBox t, double score) {
        return new PredictedBox(t.label(), score, t.x1() + 1, t.y1(), t.x2() + 1, t.y2());
    }

    private static PredictedBox at(String label, double score, double x, double y, double size) {
        return new PredictedBox(label, score, x, y, x + size, y + size);
    }

    @Test
    void perfectDetectionsScoreOne() {
        LabelledBox a = truth("1", 10, 10, 40);
        LabelledBox b = truth("2", 100, 10, 40);
        LabelledBox c = truth("1", 10, 100, 40);
        DetectionEvaluation e = evaluator.evaluate(List.of(
                new ImageResult(List.of(hit(a, 0.9), hit(b, 0.8)), List.of(a, b)),
                new ImageResult(List.of(hit(c, 0.7)), List.of(c))), List.of("1", "2"));

        assertEquals(1.0, e.meanAveragePrecision(), EXACT);
        assertEquals(1.0, e.of("1").orElseThrow().averagePrecision(), EXACT);
        assertEquals(3, e.truePositives());
        assertEquals(0, e.falsePositives());
        assertEquals(0, e.misses());
    }

    @Test
    void falsePositiveRankedFirstHalvesPrecisionEverywhere() {
        // ranked: false (p 0, r 0), true (p 1/2, r 1) -> envelope 1/2 at every recall point
        LabelledBox t = truth("7", 10, 10, 40);
        DetectionEvaluation e = evaluator.evaluate(List.of(
                new ImageResult(List.of(at("7", 0.9, 300, 300, 40), hit(t, 0.8)), List.of(t))), List.of("7"));

        assertEquals(0.5, e.meanAveragePrecision(), EXACT);
        assertEquals(1, e.falsePositives());
        ClassEvaluation seven = e.of("7").orElseThrow();
        assertEquals(List.of(new PrPoint(0.9, 0, 0), new PrPoint(0.8, 1, 0.5)), seven.curve());
    }

    @Test
    void missedTruthCapsRecallAtHalf() {
        // one of two found at precision 1: recall points 0..0.50 (51 of 101) have precision 1, the rest 0
        LabelledBox a = truth("3", 10, 10, 40);
        LabelledBox b = truth("3", 100, 10, 40);
        DetectionEvaluation e = evaluator.evaluate(List.of(
                new ImageResult(List.of(hit(a, 0.9)), List.of(a, b))), List.of("3"));

        assertEquals(51.0 / 101, e.meanAveragePrecision(), EXACT);
        assertEquals(1, e.misses());
        assertEquals(0.5, e.recall(), EXACT);
    }

    @Test
    void duplicateDetectionIsFalse() {
        // ranked: true (p 1, r .5), duplicate (p .5, r .5), true (p 2/3, r 1)
        // envelope: 1 up to recall .5 (51 points), 2/3 above (50 points)
        LabelledBox a = truth("5", 10, 10, 40);
        LabelledBox b = truth("5", 100, 10, 40);
        DetectionEvaluation e = evaluator.evaluate(List.of(
                new ImageResult(List.of(hit(a, 0.9), hit(a, 0.8), hit(b, 0.7)), List.of(a, b))), List.of("5"));

        assertEquals((51 + 50 * 2.0 / 3) / 101, e.meanAveragePrecision(), EXACT);
        assertEquals(2, e.truePositives());
        assertEquals(1, e.falsePositives());
    }

    @Test
    void duplicateAfterTheOnlyTruthDoesNotLowerAp() {
        LabelledBox a = truth("5", 10, 10, 40);
        DetectionEvaluation e = evaluator.evaluate(List.of(
                new ImageResult(List.of(hit(a, 0.9), hit(a, 0.8)), List.of(a))), List.of("5"));

        assertEquals(1.0, e.meanAveragePrecision(), EXACT);
        assertEquals(1, e.falsePositives(), "the second box on the same digit still counts as false");
    }

    @Test
    void wrongLabelIsAFalseDetectionAndAMiss() {
        // the 8 is boxed right but called 3: class 8 has AP 0, class 3 has no truth (not in the mean),
        // class 1 is perfect: mAP = (0 + 1) / 2
        LabelledBox eight = truth("8", 10, 10, 40);
        LabelledBox one = truth("1", 100, 10, 40);
        DetectionEvaluation e = evaluator.evaluate(List.of(
                new ImageResult(List.of(new PredictedBox("3", 0.95, 10, 10, 50, 50), hit(one, 0.9)),
                        List.of(eight, one))), List.of("1", "3", "8"));

        assertEquals(0.5, e.meanAveragePrecision(), EXACT);
        assertEquals(0.0, e.of("8").orElseThrow().averagePrecision(), EXACT);
        ClassEvaluation three = e.of("3").orElseThrow();
        assertFalse(three.present());
        assertTrue(Double.isNaN(three.averagePrecision()));
        assertEquals(1, three.falsePositives());
        assertEquals(1, e.of("8").orElseThrow().misses());
    }

    @Test
    void iouOfExactlyTheThresholdMatches() {
        LabelledBox t = new LabelledBox("4", 0, 0, 10, 10);
        DetectionEvaluation half = evaluator.evaluate(List.of(
                new ImageResult(List.of(new PredictedBox("4", 0.9, 0, 0, 10, 5)), List.of(t))), List.of("4"));
        DetectionEvaluation less = evaluator.evaluate(List.of(
                new ImageResult(List.of(new PredictedBox("4", 0.9, 0, 0, 10, 4.9)), List.of(t))), List.of("4"));

        assertEquals(1.0, half.meanAveragePrecision(), EXACT);
        assertEquals(0.0, less.meanAveragePrecision(), EXACT);
    }

    @Test
    void greedyMatchTakesTheBestOverlapForTheHighestScore() {
        // two 6s overlapping; the best-scored box overlaps both enough (IoU .63 left, .95 right) and takes
        // the right one; the next box then matches the left one (.67) and would miss the right one (.38)
        LabelledBox left = new LabelledBox("6", 0, 0, 40, 40);
        LabelledBox right = new LabelledBox("6", 10, 0, 50, 40);
        DetectionEvaluation e = evaluator.evaluate(List.of(new ImageResult(List.of(
                new PredictedBox("6", 0.9, 9, 0, 49, 40), new PredictedBox("6", 0.8, -8, 0, 32, 40)),
                List.of(left, right))), List.of("6"));

        assertEquals(1.0, e.meanAveragePrecision(), EXACT);
        assertEquals(2, e.truePositives());
    }

    @Test
    void falseDetectionsPerEmptyFrameCountOnlyKeptScores() {
        LabelledBox t = truth("2", 10, 10, 40);
        DetectionEvaluation e = evaluator.evaluate(List.of(
                new ImageResult(List.of(at("2", 0.6, 5, 5, 30), at("9", 0.3, 50, 50, 30)), List.of()),
                new ImageResult(List.of(), List.of()),
                new ImageResult(List.of(at("1", 0.7, 5, 5, 30)), List.of()),
                new ImageResult(List.of(), List.of()),
                new ImageResult(List.of(hit(t, 0.9), at("4", 0.99, 200, 200, 30)), List.of(t))), List.of());

        assertEquals(4, e.emptyImages());
        assertEquals(2, e.falseOnEmpty());
        assertEquals(0.5, e.falseDetectionsPerEmptyFrame(), EXACT);
        assertEquals(List.of("2", "9", "1", "4"), e.classes().stream().map(ClassEvaluation::label).toList(),
                "labels met in the images are scored in the order met");
    }

    @Test
    void classWithTruthsButNoDetectionHasApZero() {
        LabelledBox t = truth("0", 10, 10, 40);
        DetectionEvaluation e = evaluator.evaluate(List.of(new ImageResult(List.of(), List.of(t))), List.of("0"));

        assertEquals(0.0, e.meanAveragePrecision(), EXACT);
        assertEquals(101, e.meanInterpolated().length);
        assertTrue(Double.isNaN(e.falseDetectionsPerEmptyFrame()), "no empty frame: no rate");
    }

    @Test
    void meanCurveAveragesToTheMap() {
        LabelledBox a = truth("1", 10, 10, 40);
        LabelledBox b = truth("2", 100, 10, 40);
        LabelledBox c = truth("2", 200, 10, 40);
        DetectionEvaluation e = evaluator.evaluate(List.of(new ImageResult(
                List.of(at("2", 0.95, 400, 400, 20), hit(a, 0.9), hit(b, 0.8)), List.of(a, b, c))), List.of("1", "2"));

        double mean = java.util.Arrays.stream(e.meanInterpolated()).average().orElseThrow();
        assertEquals(e.meanAveragePrecision(), mean, 1e-12);
        // class 2: false then true (p 1/2, r 1/2), recall never reaches above 1/2: 51 points at 1/2
        assertEquals((1.0 + 51 * 0.5 / 101) / 2, e.meanAveragePrecision(), EXACT);
    }
}
