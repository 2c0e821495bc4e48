package dev.edgevision.trainer.detector.scenes;

import java.util.SplittableRandom;

/** A reflectance colour, each channel 0 (absorbs all light) to 1 (white paper). */
record Colour(float r, float g, float b) {
    static Colour grey(double level) {
        return new Colour((float) level, (float) level, (float) level);
    }

    /** This colour with each channel moved by up to {@code spread} at random, kept within 0..1. */
    Colour jitter(SplittableRandom random, double spread) {
        return new Colour(clamp(r + spread * (2 * random.nextDouble() - 1)),
                clamp(g + spread * (2 * random.nextDouble() - 1)),
                clamp(b + spread * (2 * random.nextDouble() - 1)));
    }

    /** This colour with every channel scaled by {@code factor}. */
    Colour times(double factor) {
        return new Colour(clamp(r * factor), clamp(g * factor), clamp(b * factor));
    }

    private static float clamp(double v) {
        return (float) Math.max(0, Math.min(1, v));
    }
}
