package dev.edgevision.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PixelScalingTest {
    static InputSpec spec(List<Double> range, List<Double> mean, List<Double> std, Polarity polarity) {
        return new InputSpec("input", List.of(1, mean.size(), 8, 8), "NCHW", "float32", "rgb", range, mean, std,
                polarity, "stretch");
    }

    @Test
    void mapsBytesToTheDeclaredRangeAndNormalisation() {
        PixelScaling s = PixelScaling.of(spec(List.of(0.0, 1.0), List.of(0.5, 0.25, 0.0), List.of(0.5, 0.25, 2.0),
                Polarity.NATURAL), Polarity.NATURAL);
        assertEquals(-1.0f, s.scale(0, 0), 1e-6);
        assertEquals(1.0f, s.scale(0, 255), 1e-6);
        assertEquals(3.0f, s.scale(1, 255), 1e-6);
        assertEquals(0.5f, s.scale(2, 255), 1e-6);
    }

    @Test
    void valueRangeIsHonoured() {
        PixelScaling s = PixelScaling.of(spec(List.of(-1.0, 1.0), List.of(0.0), List.of(1.0), Polarity.NATURAL),
                Polarity.NATURAL);
        assertEquals(-1.0f, s.scale(0, 0), 1e-6);
        assertEquals(1.0f, s.scale(0, 255), 1e-6);
    }

    @Test
    void darkInkOnPaperIsInvertedForAnMnistModel() {
        PixelScaling s = PixelScaling.of(spec(List.of(0.0, 1.0), List.of(0.0), List.of(1.0), Polarity.LIGHT_ON_DARK),
                Polarity.DARK_ON_LIGHT);
        assertEquals(1.0f, s.scale(0, 0), 1e-6, "black ink becomes bright, as in MNIST");
        assertEquals(0.0f, s.scale(0, 255), 1e-6, "white paper becomes the dark background");
        assertTrue(PixelScaling.needsInversion(Polarity.LIGHT_ON_DARK, Polarity.DARK_ON_LIGHT));
        assertFalse(PixelScaling.needsInversion(Polarity.LIGHT_ON_DARK, Polarity.LIGHT_ON_DARK));
        assertFalse(PixelScaling.needsInversion(Polarity.NATURAL, Polarity.DARK_ON_LIGHT));
    }
}
