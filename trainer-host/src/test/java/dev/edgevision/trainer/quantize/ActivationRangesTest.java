package dev.edgevision.trainer.quantize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Percentile ranges read off the calibration histogram. */
class ActivationRangesTest {
    @Test
    void aRareOutlierSaturatesInsteadOfWideningTheRange() {
        ActivationRanges.Range full = new ActivationRanges.Range(-1f, 100f);
        long[] histogram = new long[ActivationRanges.BINS];
        // a million values spread over [-1, 5], one at 100
        int top = (int) ((5 - full.min()) / (full.max() - full.min()) * (ActivationRanges.BINS - 1));
        for (int b = 0; b <= top; b++) {
            histogram[b] = 1_000_000 / (top + 1);
        }
        histogram[ActivationRanges.BINS - 1] = 1;
        ActivationRanges.Range clipped = ActivationRanges.clip(histogram, full, 99.999);
        assertTrue(clipped.max() > 4.9 && clipped.max() < 5.2, "top clipped to the bulk: " + clipped);
        assertEquals(-1f, clipped.min(), 0.05f, "the bulk's bottom kept: " + clipped);
        assertEquals(full, ActivationRanges.clip(histogram, full, 100), "100 keeps min and max");
    }
}
