package dev.edgevision.core.detect.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The best-class pick every decoder delegates to: strides, ties, a skipped background column. */
class LayoutDecoderTest {
    @Test
    void readsEveryStepthValueFromTheFirst() {
        // class scores at 1, 4, 7 (step 3); the larger values in between belong to other boxes
        float[] values = {9, 0.2f, 9, 9, 0.7f, 9, 9, 0.4f, 9};
        assertEquals(1, LayoutDecoder.bestClass(values, 1, 3, 3, LayoutDecoder.NO_SKIP));
    }

    @Test
    void tiesGoToTheLowestClass() {
        assertEquals(1, LayoutDecoder.bestClass(new float[] {0.1f, 0.5f, 0.5f, 0.5f}, 0, 1, 4, LayoutDecoder.NO_SKIP));
    }

    @Test
    void theSkippedColumnIsNeverChosen() {
        float[] scores = {0.9f, 0.3f, 0.6f};
        assertEquals(2, LayoutDecoder.bestClass(scores, 0, 1, 3, 0), "background first");
        assertEquals(0, LayoutDecoder.bestClass(new float[] {0.4f, 0.9f, 0.1f}, 0, 1, 3, 1), "background between");
        assertEquals(0, LayoutDecoder.bestClass(scores, 0, 1, 3, LayoutDecoder.NO_SKIP), "no background");
    }

    @Test
    void aNanFirstScoreIsNeverBeaten() {
        assertEquals(0, LayoutDecoder.bestClass(new float[] {Float.NaN, 0.8f}, 0, 1, 2, LayoutDecoder.NO_SKIP));
    }
}
