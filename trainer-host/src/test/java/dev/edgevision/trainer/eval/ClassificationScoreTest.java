package dev.edgevision.trainer.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClassificationScoreTest {
    static final List<String> LABELS = List.of("a", "b", "c");

    @Test
    void countsConfusionAccuracyAndMistakes() {
        float[] p = {
            0.8f, 0.1f, 0.1f,   // a -> a
            0.2f, 0.7f, 0.1f,   // a -> b (0.7)
            0.1f, 0.8f, 0.1f,   // b -> b
            0.05f, 0.05f, 0.9f, // b -> c (0.9)
            0.1f, 0.1f, 0.8f};  // c -> c
        ClassificationScore s = ClassificationScore.of(p, new int[] {0, 0, 1, 1, 2}, LABELS);
        assertArrayEquals(new int[] {1, 1, 0}, s.confusion()[0]);
        assertArrayEquals(new int[] {0, 1, 1}, s.confusion()[1]);
        assertEquals(5, s.count());
        assertEquals(3, s.correct());
        assertEquals(0.6, s.accuracy(), 1e-12);
        assertEquals(0.5, s.classAccuracy(0), 1e-12);
        assertEquals(0.5, s.classPrecision(2), 1e-12);
        assertEquals(2, s.mistakes().size());
        assertEquals(3, s.mistakes().get(0).index(), "most confident mistake first");
        assertEquals(0.9, s.mistakes().get(0).confidence(), 1e-6);
        double loss = -(Math.log(0.8) + Math.log(0.2) + Math.log(0.8) + Math.log(0.05) + Math.log(0.8)) / 5;
        assertEquals(loss, s.meanLoss(), 1e-6);
        Map<String, Object> a = s.perClass().get("a");
        assertEquals(2, a.get("count"));
        assertEquals(0.5, a.get("accuracy"));
    }

    @Test
    void refusesMismatchedSizes() {
        assertThrows(IllegalArgumentException.class, () -> ClassificationScore.of(new float[4], new int[] {0, 1}, LABELS));
    }
}
