package dev.edgevision.trainer.data;

import java.util.SplittableRandom;

/**
 * Random distortions that keep a digit the same digit: small shifts, rotations, scale and shear,
 * elastic deformation, and sensor-like noise. Mirror flips are off unless the settings ask for
 * them, because a mirrored 2 or 7 is not a digit.
 *
 * <p>Works in place on caller-owned float buffers (values 0..1), so a training batch allocates
 * nothing per image.
 */
public final class DigitAugmenter {
    private final AugmentationSettings settings;
    private final int rows;
    private final int cols;
    private final float[] dx;
    private final float[] dy;
    private final float[] scratch;
    private final float[] stroke;
    private final float[] kernel;

    public DigitAugmenter(AugmentationSettings settings, int rows, int cols) {
        this.settings = settings;
        this.rows = rows;
        this.cols = cols;
        this.dx = new float[rows * cols];
        this.dy = new float[rows * cols];
        this.scratch = new float[rows * cols];
        this.stroke = new float[rows * cols];
        this.kernel = gaussianKernel(settings.elasticSigma());
    }

    public AugmentationSettings settings() {
        return settings;
    }

    /**
     * Writes a distorted copy of {@code source} (bytes 0..255, row-major) into {@code target} at
     * {@code offset}, as floats 0..1.
     */
    public void augment(byte[] source, int sourceOffset, float[] target, int offset, SplittableRandom random) {
        if (!settings.enabled()) {
            copy(source, sourceOffset, target, offset);
            return;
        }
        double angle = Math.toRadians(uniform(random, settings.maxRotationDegrees()));
        double scale = 1 + uniform(random, settings.maxScaleChange());
        double shear = uniform(random, settings.maxShear());
        double shiftX = uniform(random, settings.maxShiftPixels());
        double shiftY = uniform(random, settings.maxShiftPixels());
        boolean flip = settings.horizontalFlip() && random.nextBoolean();
        buildDisplacement(random);
        // Inverse mapping: for each target pixel, where in the source it comes from.
        double cos = Math.cos(angle) / scale;
        double sin = Math.sin(angle) / scale;
        double cx = (cols - 1) / 2.0;
        double cy = (rows - 1) / 2.0;
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < cols; x++) {
                int i = y * cols + x;
                double u = (flip ? cols - 1 - x : x) - cx - shiftX + dx[i];
                double v = y - cy - shiftY + dy[i];
                u -= shear * v;
                double sx = cos * u + sin * v + cx;
                double sy = -sin * u + cos * v + cy;
                target[offset + i] = sample(source, sourceOffset, sx, sy);
            }
        }
        changeStroke(target, offset, uniform(random, settings.maxStrokeChange()));
        addNoise(target, offset, random);
    }

    /**
     * Thickens ({@code amount > 0}) or thins the strokes: a blend of the image with its 3x3 grey
     * dilation or erosion, by {@code |amount|}.
     */
    private void changeStroke(float[] image, int offset, double amount) {
        if (amount == 0) {
            return;
        }
        boolean thicker = amount > 0;
        float t = (float) Math.abs(amount);
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < cols; x++) {
                float extreme = image[offset + y * cols + x];
                for (int v = Math.max(0, y - 1); v <= Math.min(rows - 1, y + 1); v++) {
                    for (int u = Math.max(0, x - 1); u <= Math.min(cols - 1, x + 1); u++) {
                        float p = image[offset + v * cols + u];
                        extreme = thicker ? Math.max(extreme, p) : Math.min(extreme, p);
                    }
                }
                stroke[y * cols + x] = extreme;
            }
        }
        for (int i = 0; i < rows * cols; i++) {
            image[offset + i] = lerp(image[offset + i], stroke[i], t);
        }
    }

    private void copy(byte[] source, int sourceOffset, float[] target, int offset) {
        for (int i = 0; i < rows * cols; i++) {
            target[offset + i] = (source[sourceOffset + i] & 0xFF) / 255f;
        }
    }

    private static double uniform(SplittableRandom random, double max) {
        return max == 0 ? 0 : (random.nextDouble() * 2 - 1) * max;
    }

    private float sample(byte[] source, int sourceOffset, double sx, double sy) {
        int x0 = (int) Math.floor(sx);
        int y0 = (int) Math.floor(sy);
        float fx = (float) (sx - x0);
        float fy = (float) (sy - y0);
        float top = lerp(pixel(source, sourceOffset, x0, y0), pixel(source, sourceOffset, x0 + 1, y0), fx);
        float bottom = lerp(pixel(source, sourceOffset, x0, y0 + 1), pixel(source, sourceOffset, x0 + 1, y0 + 1), fx);
        return lerp(top, bottom, fy);
    }

    private float pixel(byte[] source, int sourceOffset, int x, int y) {
        if (x < 0 || y < 0 || x >= cols || y >= rows) {
            return 0f;
        }
        return (source[sourceOffset + y * cols + x] & 0xFF) / 255f;
    }

    private static float lerp(float a, float b, float t) {
        return a + (b - a) * t;
    }

    /** Elastic deformation: random per-pixel offsets, smoothed by a Gaussian and scaled by alpha. */
    private void buildDisplacement(SplittableRandom random) {
        if (settings.elasticAlpha() == 0) {
            java.util.Arrays.fill(dx, 0f);
            java.util.Arrays.fill(dy, 0f);
            return;
        }
        randomField(dx, random);
        randomField(dy, random);
    }

    private void randomField(float[] field, SplittableRandom random) {
        for (int i = 0; i < field.length; i++) {
            field[i] = (float) (random.nextDouble() * 2 - 1);
        }
        blur(field, true);
        blur(field, false);
        float alpha = (float) settings.elasticAlpha();
        for (int i = 0; i < field.length; i++) {
            field[i] *= alpha;
        }
    }

    private void blur(float[] field, boolean horizontal) {
        int radius = kernel.length / 2;
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < cols; x++) {
                float sum = 0;
                for (int k = -radius; k <= radius; k++) {
                    int xx = horizontal ? Math.min(cols - 1, Math.max(0, x + k)) : x;
                    int yy = horizontal ? y : Math.min(rows - 1, Math.max(0, y + k));
                    sum += kernel[k + radius] * field[yy * cols + xx];
                }
                scratch[y * cols + x] = sum;
            }
        }
        System.arraycopy(scratch, 0, field, 0, field.length);
    }

    private static float[] gaussianKernel(double sigma) {
        int radius = Math.max(1, (int) Math.ceil(sigma * 2));
        float[] k = new float[2 * radius + 1];
        float sum = 0;
        for (int i = -radius; i <= radius; i++) {
            k[i + radius] = (float) Math.exp(-(i * i) / (2 * sigma * sigma));
            sum += k[i + radius];
        }
        // Normalised so the field's scale stays near alpha rather than shrinking with sigma.
        float norm = (float) Math.sqrt(k.length) / sum;
        for (int i = 0; i < k.length; i++) {
            k[i] *= norm;
        }
        return k;
    }

    private void addNoise(float[] target, int offset, SplittableRandom random) {
        double std = settings.noiseStd();
        if (std == 0) {
            return;
        }
        for (int i = 0; i < rows * cols; i++) {
            float v = target[offset + i] + (float) (nextGaussian(random) * std);
            target[offset + i] = Math.min(1f, Math.max(0f, v));
        }
    }

    private static double nextGaussian(SplittableRandom random) {
        double u = Math.max(1e-12, random.nextDouble());
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
