package dev.edgevision.trainer.detector.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgevision.trainer.detector.labels.LabelledBox;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped threshold is the best-F1 one, worked out by hand on a small fixture. */
class ThresholdChoiceTest {
    private static LabelledBox box(String label, int i) {
        return new LabelledBox(label, 10 + 60 * i, 10, 50 + 60 * i, 60);
    }

    @Test
    void picksTheScoreThatMaximisesF1() {
        // four "3"s: found at 0.9, 0.8, 0.3, 0.1; false detections at 0.7, 0.25 and 0.2
        List<LabelledBox> truth = List.of(box("3", 0), box("3", 1), box("3", 2), box("3", 3));
        List<PredictedBox> found = new ArrayList<>();
        double[] scores = {0.9, 0.8, 0.3, 0.1};
        for (int i = 0; i < 4; i++) {
            LabelledBox t = truth.get(i);
            found.add(new PredictedBox("3", scores[i], t.x1(), t.y1(), t.x2(), t.y2()));
        }
        found.add(new PredictedBox("3", 0.7, 400, 200, 440, 250));
        found.add(new PredictedBox("5", 0.25, 400, 300, 440, 350));
        found.add(new PredictedBox("3", 0.2, 500, 300, 540, 350));
        DetectionEvaluation e = new DetectionEvaluator(0.5, 0.4).evaluate(List.of(new ImageResult(found, truth)),
                List.of("3", "5"));

        ThresholdChoice c = ThresholdChoice.maxF1(e, 0.4);

        // kept at 0.9: F1 2/5; 0.8: 4/6; 0.7: 4/7; 0.3: 6/8 = 0.75; 0.25: 6/9; 0.2: 6/10; 0.1: 8/11 = 0.727
        assertEquals(0.3, c.threshold(), 1e-12);
        assertEquals(0.75, c.f1(), 1e-12);
        assertEquals(0.75, c.precision(), 1e-12);
        assertEquals(0.75, c.recall(), 1e-12);
        assertEquals(0.3, c.manifestValue(), 1e-12);
    }

    @Test
    void fallsBackWithoutTrueBoxesOrDetections() {
        DetectionEvaluation none = new DetectionEvaluator(0.5, 0.4).evaluate(List.of(new ImageResult(List.of(),
                List.of())), List.of("1"));
        ThresholdChoice c = ThresholdChoice.maxF1(none, 0.4);
        assertEquals(0.4, c.threshold());
        assertTrue(Double.isNaN(c.f1()));

        LabelledBox t = box("1", 0);
        DetectionEvaluation allWrong = new DetectionEvaluator(0.5, 0.4).evaluate(List.of(new ImageResult(
                List.of(new PredictedBox("1", 0.12, 400, 200, 440, 250)), List.of(t))), List.of("1"));
        ThresholdChoice fallback = ThresholdChoice.maxF1(allWrong, 0.4);
        assertEquals(0.4, fallback.threshold(), "no threshold finds anything: keep the default, not 0.12");
        assertEquals(0.0, fallback.f1());
    }
}
