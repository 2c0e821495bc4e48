package dev.edgevision.trainer.detector.scenes;

import java.util.SplittableRandom;

/**
 * The light falling on the page, turning reflectance into grey levels: an exposure, a gradient
 * across the page, darker corners, a colour cast, and sometimes a soft shadow (of a hand, a phone,
 * the camera itself) with a blurred edge; the sensor's noise is added in the same pass. The row
 * and column terms are kept in arrays reused from scene to scene.
 */
final class Lighting {
    private float[] rows = new float[0];
    private float[] columns = new float[0];

    /**
     * Lights the reflectance on {@code canvas} and adds {@code noise}; afterwards it holds grey levels
     * (0..255, and beyond where over-exposed: clipped when written).
     */
    void apply(Canvas canvas, SplittableRandom random, Nuisances nuisances, SensorNoise noise) {
        int w = canvas.width();
        int h = canvas.height();
        if (rows.length < h || columns.length < w) {
            rows = new float[Math.max(h, rows.length)];
            columns = new float[Math.max(w, columns.length)];
        }
        double lighting = nuisances.lighting();
        double exposure = 255 * (1 + lighting * (0.12 - 0.4 * random.nextDouble()));
        double gradientX = lighting * 0.35 * (2 * random.nextDouble() - 1);
        double gradientY = lighting * 0.35 * (2 * random.nextDouble() - 1);
        double vignette = lighting * 0.5 * random.nextDouble();
        for (int x = 0; x < w; x++) {
            double f = (x + 0.5) / w - 0.5;
            columns[x] = (float) (exposure * (gradientX * f - 2 * vignette * f * f));
        }
        for (int y = 0; y < h; y++) {
            double f = (y + 0.5) / h - 0.5;
            rows[y] = (float) (exposure * (1 + gradientY * f - 2 * vignette * f * f));
        }
        double warmth = nuisances.tint() * 0.14 * (2 * random.nextDouble() - 1);
        float tintR = (float) (1 + warmth);
        float tintG = (float) (1 + 0.03 * nuisances.tint() * (2 * random.nextDouble() - 1));
        float tintB = (float) (1 - warmth);
        boolean shadow = random.nextDouble() < nuisances.shadowProbability();
        double angle = 2 * Math.PI * random.nextDouble();
        double nx = Math.cos(angle);
        double ny = Math.sin(angle);
        double through = nx * w * (0.2 + 0.6 * random.nextDouble()) + ny * h * (0.2 + 0.6 * random.nextDouble());
        double penumbra = 15 + 75 * random.nextDouble();
        double depth = 0.25 + 0.3 * random.nextDouble();
        boolean noisy = noise.on();
        float[] red = canvas.plane(0);
        float[] green = canvas.plane(1);
        float[] blue = canvas.plane(2);
        for (int y = 0; y < h; y++) {
            float row = rows[y];
            int base = y * w;
            for (int x = 0; x < w; x++) {
                float light = row + columns[x];
                if (shadow) {
                    light *= (float) shade(nx * (x + 0.5) + ny * (y + 0.5) - through, penumbra, depth);
                }
                int i = base + x;
                red[i] *= light * tintR;
                green[i] *= light * tintG;
                blue[i] *= light * tintB;
                if (noisy) {
                    red[i] += noise.next();
                    green[i] += noise.next();
                    blue[i] += noise.next();
                }
            }
        }
    }

    /** Light left at signed distance {@code d} from the shadow's edge: full outside, 1 - depth deep inside. */
    private static double shade(double d, double penumbra, double depth) {
        double t = Math.max(0, Math.min(1, d / penumbra + 0.5));
        return 1 - depth * t * t * (3 - 2 * t);
    }
}
