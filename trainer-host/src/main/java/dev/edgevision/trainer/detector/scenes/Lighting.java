package dev.edgevision.trainer.detector.scenes;

import java.util.SplittableRandom;
import java.util.function.IntConsumer;

/**
 * The light falling on the page, turning reflectance into grey levels: an exposure, a gradient
 * across the page, darker corners, a colour cast, and sometimes a soft shadow (of a hand, a phone,
 * the camera itself) with a blurred edge; the sensor's noise is added in the same pass. The row
 * and column terms are kept in arrays reused from scene to scene.
 */
final class Lighting {
    private float[] rows = new float[0];
    private float[] columns = new float[0];
    private float tintR;
    private float tintG;
    private float tintB;
    private boolean shadow;
    private double shadowX;
    private double shadowY;
    private double through;
    private double penumbra;
    private double depth;

    /** Draws this scene's light for a {@code w} x {@code h} frame. */
    void plan(int w, int h, SplittableRandom random, Nuisances nuisances) {
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
        tintR = (float) (1 + warmth);
        tintG = (float) (1 + 0.03 * nuisances.tint() * (2 * random.nextDouble() - 1));
        tintB = (float) (1 - warmth);
        shadow = random.nextDouble() < nuisances.shadowProbability();
        double angle = 2 * Math.PI * random.nextDouble();
        shadowX = Math.cos(angle);
        shadowY = Math.sin(angle);
        through = shadowX * w * (0.2 + 0.6 * random.nextDouble()) + shadowY * h * (0.2 + 0.6 * random.nextDouble());
        penumbra = 15 + 75 * random.nextDouble();
        depth = 0.25 + 0.3 * random.nextDouble();
    }

    /**
     * Lights the reflectance on {@code canvas} and adds {@code noise}, row by row, telling
     * {@code rowDone} (if not null) as each row is finished; afterwards the canvas holds grey levels
     * (0..255, and beyond where over-exposed: clipped when written).
     */
    void apply(Canvas canvas, SensorNoise noise, IntConsumer rowDone) {
        int w = canvas.width();
        boolean noisy = noise.on();
        float[] red = canvas.plane(0);
        float[] green = canvas.plane(1);
        float[] blue = canvas.plane(2);
        for (int y = 0; y < canvas.height(); y++) {
            float row = rows[y];
            int base = y * w;
            for (int x = 0; x < w; x++) {
                float light = row + columns[x];
                if (shadow) {
                    light *= (float) shade(shadowX * (x + 0.5) + shadowY * (y + 0.5) - through);
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
            if (rowDone != null) {
                rowDone.accept(y);
            }
        }
    }

    /** Light left at signed distance {@code d} from the shadow's edge: full outside, 1 - depth deep inside. */
    private double shade(double d) {
        double t = Math.max(0, Math.min(1, d / penumbra + 0.5));
        return 1 - depth * t * t * (3 - 2 * t);
    }
}
