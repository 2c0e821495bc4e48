package dev.edgevision.trainer.detector.scenes;

/**
 * A two-pass chamfer distance transform (steps 1 and sqrt 2) on a grid: cells holding 0 are the
 * seeds, all others start at {@link #FAR}; afterwards every cell holds its distance to the
 * nearest seed, within about 8 % of the true distance.
 */
final class Chamfer {
    static final float FAR = 1e6f;
    private static final float DIAGONAL = (float) Math.sqrt(2);

    private Chamfer() {
    }

    static void transform(float[] d, int w, int h) {
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                float v = d[i];
                if (x > 0) {
                    v = Math.min(v, d[i - 1] + 1);
                }
                if (y > 0) {
                    v = Math.min(v, d[i - w] + 1);
                    if (x > 0) {
                        v = Math.min(v, d[i - w - 1] + DIAGONAL);
                    }
                    if (x < w - 1) {
                        v = Math.min(v, d[i - w + 1] + DIAGONAL);
                    }
                }
                d[i] = v;
            }
        }
        for (int y = h - 1; y >= 0; y--) {
            for (int x = w - 1; x >= 0; x--) {
                int i = y * w + x;
                float v = d[i];
                if (x < w - 1) {
                    v = Math.min(v, d[i + 1] + 1);
                }
                if (y < h - 1) {
                    v = Math.min(v, d[i + w] + 1);
                    if (x < w - 1) {
                        v = Math.min(v, d[i + w + 1] + DIAGONAL);
                    }
                    if (x > 0) {
                        v = Math.min(v, d[i + w - 1] + DIAGONAL);
                    }
                }
                d[i] = v;
            }
        }
    }
}
