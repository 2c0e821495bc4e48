package dev.edgevision.trainer.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DigitAugmenterTest {
    /** A 28x28 image with a bright vertical bar at columns 5..7, rows 4..23. */
    static byte[] bar() {
        byte[] image = new byte[28 * 28];
        for (int y = 4; y < 24; y++) {
            for (int x = 5; x < 8; x++) {
                image[y * 28 + x] = (byte) 255;
            }
        }
        return image;
    }

    static float[] run(AugmentationSettings settings, long seed) {
        float[] out = new float[28 * 28];
        new DigitAugmenter(settings, 28, 28).augment(bar(), 0, out, 0, new SplittableRandom(seed));
        return out;
    }

    static double centreX(float[] image) {
        double mass = 0;
        double sum = 0;
        for (int i = 0; i < image.length; i++) {
            mass += image[i];
            sum += image[i] * (i % 28);
        }
        return sum / mass;
    }

    @Test
    void noneCopiesExactly() {
        float[] out = run(AugmentationSettings.none(), 1);
        byte[] bar = bar();
        for (int i = 0; i < out.length; i++) {
            assertEquals((bar[i] & 0xFF) / 255f, out[i], 0f);
        }
    }

    @Test
    void sameSeedSameImageOtherSeedOtherImage() {
        assertArrayEquals(run(AugmentationSettings.digits(), 7), run(AugmentationSettings.digits(), 7));
        assertFalse(Arrays.equals(run(AugmentationSettings.digits(), 7), run(AugmentationSettings.digits(), 8)));
    }

    @Test
    void digitSettingsNeverMirror() {
        for (long seed = 0; seed < 200; seed++) {
            double x = centreX(run(AugmentationSettings.digits(), seed));
            assertTrue(x < 10, "the bar at x=6 stays on the left, seed " + seed + " put it at " + x);
        }
    }

    @Test
    void flipMirrorsWhenAsked() {
        AugmentationSettings flipOnly = new AugmentationSettings(0, 0, 0, 0, 0, 3, 0, true, 0);
        long mirrored = java.util.stream.LongStream.range(0, 50)
                .filter(seed -> centreX(run(flipOnly, seed)) > 18).count();
        assertTrue(mirrored > 10 && mirrored < 40, "about half are mirrored: " + mirrored);
    }

    @Test
    void distortionKeepsValuesInRange() {
        for (long seed = 0; seed < 50; seed++) {
            for (float v : run(AugmentationSettings.digits(), seed)) {
                assertTrue(v >= 0f && v <= 1f);
            }
        }
    }

    @Test
    void geometricDistortionRoughlyKeepsTheInk() {
        AugmentationSettings d = AugmentationSettings.digits();
        AugmentationSettings noNoise = new AugmentationSettings(d.maxShiftPixels(), d.maxRotationDegrees(),
                d.maxScaleChange(), d.maxShear(), d.elasticAlpha(), d.elasticSigma(), 0, false, 0);
        double total = 0;
        for (long seed = 0; seed < 200; seed++) {
            double ink = 0;
            for (float v : run(noNoise, seed)) {
                ink += v;
            }
            assertTrue(ink > 0.5 * 60 && ink < 1.7 * 60, "ink stays near the 60 bright pixels: " + ink);
            total += ink;
        }
        assertEquals(60, total / 200, 6, "on average the distortions neither add nor remove ink");
    }

    @Test
    void strokeChangeThickensAndThinsTheInk() {
        AugmentationSettings none = AugmentationSettings.none();
        double plain = 0;
        for (float v : run(none, 1)) {
            plain += v;
        }
        double thicker = Double.MAX_VALUE;
        double thinner = -Double.MAX_VALUE;
        double most = 0;
        double least = Double.MAX_VALUE;
        for (long seed = 0; seed < 40; seed++) {
            double ink = 0;
            for (float v : run(none.withStrokeChange(0.8), seed)) {
                ink += v;
            }
            most = Math.max(most, ink);
            least = Math.min(least, ink);
        }
        assertTrue(most > plain * 1.2, "some copies carry clearly more ink: " + most + " vs " + plain);
        assertTrue(least < plain * 0.8, "some copies carry clearly less ink: " + least + " vs " + plain);
    }
}
