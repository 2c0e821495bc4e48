package dev.edgevision.trainer.detector.scenes;

import java.util.SplittableRandom;

/**
 * The sensor's noise: a fixed table of normal deviates, read from a random start with a random odd
 * stride and scaled to the scene's noise level, so a scene costs no random-number call per pixel.
 */
final class SensorNoise {
    private static final int TABLE = 1 << 16;
    private static final float[] NORMAL = table();
    private float level;
    private int next;
    private int stride;

    private static float[] table() {
        float[] normal = new float[TABLE];
        SplittableRandom random = new SplittableRandom(0x5EED5CE9E5L);
        for (int i = 0; i < TABLE; i += 2) {
            double u = 1 - random.nextDouble();
            double v = random.nextDouble();
            double r = Math.sqrt(-2 * Math.log(u));
            normal[i] = (float) (r * Math.cos(2 * Math.PI * v));
            normal[i + 1] = (float) (r * Math.sin(2 * Math.PI * v));
        }
        return normal;
    }

    /** Draws this scene's noise level (up to the nuisances' maximum) and where in the table to read. */
    void plan(SplittableRandom random, Nuisances nuisances) {
        level = (float) (nuisances.maxNoise() * random.nextDouble());
        next = random.nextInt(TABLE);
        stride = 1 + 2 * random.nextInt(TABLE / 2 - 1);
    }

    /** Whether this scene has any noise. */
    boolean on() {
        return level > 0;
    }

    /** The next noise sample, in grey levels. */
    float next() {
        float value = level * NORMAL[next];
        next = (next + stride) & (TABLE - 1);
        return value;
    }
}
