package dev.edgevision.trainer.detector.eval;

import static dev.edgevision.trainer.detector.eval.TestBoxes.on;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.edgevision.trainer.detector.labels.LabelledBox;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A small fixture whose confusion table and published mAP are worked out by hand. */
class ConfusionTableTest {
    private static final List<String> CLASSES = List.of("0", "1", "8");
    private static final LabelledBox ZERO = new LabelledBox("0", 10, 10, 50, 60);
    private static final LabelledBox EIGHT = new LabelledBox("8", 100, 10, 140, 60);
    private static final LabelledBox ONE = new LabelledBox("1", 200, 10, 215, 60);
    private static final LabelledBox CIRCLE = new LabelledBox("circle", 300, 100, 360, 160);
    private static final LabelledBox LINE = new LabelledBox("line", 0, 200, 400, 204);


    private static List<ImageResult> fixture() {
        return List.of(
                // the zero found, the eight taken for a zero, the one found only below the threshold
                new ImageResult(List.of(on(ZERO, "0", 0.9), on(EIGHT, "0", 0.6), on(ONE, "1", 0.2)),
                        List.of(ZERO, EIGHT, ONE), List.of()),
                // an empty frame: the circle read as a zero, a piece of the line as a one, a zero on bare paper
                new ImageResult(List.of(on(CIRCLE, "0", 0.8),
                        new PredictedBox("1", 0.5, 150, 199, 170, 205), new PredictedBox("0", 0.45, 500, 300, 530, 340)),
                        List.of(), List.of(CIRCLE, LINE)));
    }

    @Test
    void countsClassesTakenForClassesMarksBackgroundAndMisses() {
        ConfusionTable t = ConfusionTable.of(fixture(), CLASSES, 0.4, 0.5);

        assertEquals(List.of("0", "1", "8", ConfusionTable.MARK, ConfusionTable.BACKGROUND), t.rows());
        assertEquals(List.of("0", "1", "8", ConfusionTable.MISSED), t.columns());
        assertEquals(1, t.count("0", "0"));
        assertEquals(1, t.count("8", "0"), "the eight taken for a zero");
        assertEquals(0, t.count("8", ConfusionTable.MISSED), "a wrong class is not also a miss");
        assertEquals(1, t.count("1", ConfusionTable.MISSED), "below the threshold");
        assertEquals(1, t.count(ConfusionTable.MARK, "0"), "the circle");
        assertEquals(1, t.count(ConfusionTable.MARK, "1"), "mostly inside the line's box");
        assertEquals(1, t.count(ConfusionTable.BACKGROUND, "0"));
        assertEquals(Map.of("circle", 1, "line", 1), t.marksByKind());
        assertEquals(Map.of("circle", 1, "line", 1), t.falseByKind());
    }

    @Test
    void publishedMapKeepsOnlyDetectionsAtTheThreshold() {
        DetectionEvaluator evaluator = new DetectionEvaluator(0.5, 0.4);
        DetectionEvaluation curve = evaluator.evaluate(fixture(), CLASSES);
        DetectionEvaluation published = evaluator.evaluate(fixture().stream().map(r -> r.atOrAbove(0.4)).toList(),
                CLASSES);

        // class 1: its one object found at 0.2 behind a false 0.5 -> AP over the curve 0.5; published: not found
        assertEquals(0.5, curve.of("1").orElseThrow().averagePrecision(), 1e-12);
        assertEquals(0.0, published.of("1").orElseThrow().averagePrecision(), 1e-12);
        // class 8 never named: AP 0 either way; class 0: the zero ranks first, AP 1 either way
        assertEquals(1.0, published.of("0").orElseThrow().averagePrecision(), 1e-12);
        assertEquals((1.0 + 0.0 + 0.0) / 3, published.meanAveragePrecision(), 1e-12);
        assertEquals((1.0 + 0.5 + 0.0) / 3, curve.meanAveragePrecision(), 1e-12);
        assertEquals(3, curve.falseOnEmpty(), "the empty frame's three detections at or above 0.4");
    }
}
