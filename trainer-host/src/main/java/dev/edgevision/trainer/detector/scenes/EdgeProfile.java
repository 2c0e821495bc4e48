package dev.edgevision.trainer.detector.scenes;

/**
 * How sharp the camera sees edges: the cross-section of a line or an edge through a Gaussian
 * blur of the scene's focus (plus the pixel's own area, about 0.4 px). Every mark is drawn
 * through it, so an out-of-focus scene costs nothing extra: there is no full-frame blur pass.
 * A line of half-width {@code a} at distance {@code d} from its centre covers
 * {@code Phi((a - d) / s) - Phi((-a - d) / s)} of a pixel, with {@code Phi} the normal
 * distribution (tabulated) and {@code s} the spread; at {@code d = a} that is one half, which is
 * where a digit's box is drawn whatever the blur.
 */
final class EdgeProfile {
    private static final float PIXEL = 0.4f;
    private static final int STEPS_PER_UNIT = 64;
    private static final float RANGE = 5f;
    private static final float[] PHI = table();
    private float spread = PIXEL;
    private float inverse = 1 / PIXEL;

    private static float[] table() {
        int n = (int) (2 * RANGE * STEPS_PER_UNIT) + 2;
        float[] phi = new float[n];
        double sum = 0;
        double step = 1.0 / STEPS_PER_UNIT;
        double previous = density(-RANGE);
        for (int i = 1; i < n; i++) {
            double x = -RANGE + i * step;
            double current = density(x);
            sum += (previous + current) * step / 2;
            phi[i] = (float) Math.min(1, sum);
            previous = current;
        }
        return phi;
    }

    private static double density(double x) {
        return Math.exp(-x * x / 2) / Math.sqrt(2 * Math.PI);
    }

    /** Focus of the scene: a Gaussian blur of {@code sigma} pixels (0: sharp). */
    void focus(double sigma) {
        spread = (float) Math.sqrt(sigma * sigma + PIXEL * PIXEL);
        inverse = 1 / spread;
    }

    /** The spread {@code s}: beyond about 3s from a mark, nothing of it shows. */
    float spread() {
        return spread;
    }

    /** Coverage of a pixel at {@code distance} from the centre line of a stroke of half-width {@code half}. */
    float line(float distance, float half) {
        return phi((half - distance) * inverse) - phi((-half - distance) * inverse);
    }

    /** Coverage of a pixel {@code signedDistance} inside an edge (negative: outside). */
    float edge(float signedDistance) {
        return phi(signedDistance * inverse);
    }

    private static float phi(float x) {
        float at = (x + RANGE) * STEPS_PER_UNIT;
        if (at <= 0) {
            return 0f;
        }
        if (at >= PHI.length - 1) {
            return 1f;
        }
        int i = (int) at;
        float f = at - i;
        return PHI[i] + (PHI[i + 1] - PHI[i]) * f;
    }
}
