package dev.edgevision.trainer.detector.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WarmupDecayScheduleTest {
    @Test
    void warmsUpLinearlyThenDecaysToTheFloor() {
        WarmupDecaySchedule s = new WarmupDecaySchedule(0.01, 10, 1000);
        assertEquals(0.001, s.valueAt(0, 0), 1e-12);
        assertEquals(0.005 * Math.pow(1 - 4 / 1000.0, 1.5), s.valueAt(4, 0), 1e-12);
        assertTrue(s.valueAt(9, 0) > s.valueAt(500, 0), "decays after the warm-up");
        assertEquals(0.01 * Math.pow(0.5, 1.5), s.valueAt(500, 0), 1e-12);
        assertEquals(0.0005, s.valueAt(1000, 0), 1e-12, "floor of 5 % at the end");
        assertEquals(0.0005, s.valueAt(5000, 0), 1e-12, "and after it");
    }
}
