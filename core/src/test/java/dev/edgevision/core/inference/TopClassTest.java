package dev.edgevision.core.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TopClassTest {
    @Test
    void probabilitiesAreTakenAsTheyAre() {
        TopClass top = TopClass.of(new float[] {9, 9, 0.1f, 0.7f, 0.2f}, 2, 3, false);
        assertEquals(1, top.classId());
        assertEquals(0.7, top.score(), 1e-6);
    }

    @Test
    void logitsGetTheSoftmaxOfTheBest() {
        TopClass top = TopClass.of(new float[] {1f, 3f, 1f}, 0, 3, true);
        assertEquals(1, top.classId());
        double expected = Math.exp(3) / (Math.exp(1) * 2 + Math.exp(3));
        assertEquals(expected, top.score(), 1e-9);
    }
}
