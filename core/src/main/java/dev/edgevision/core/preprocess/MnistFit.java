package dev.edgevision.core.preprocess;

import dev.edgevision.core.model.InputSpec;
import dev.edgevision.core.model.PixelScaling;
import dev.edgevision.core.model.Polarity;

/**
 * Fits a dark-on-paper mark into a model input the way MNIST digits were made: ink separated from
 * the paper by the region's own levels, the mark scaled (aspect kept) so its longer side is 20 of
 * 28 pixels, and placed so its centre of mass is the input's centre. The values are then scaled
 * as the manifest declares, inverted or not according to the model's polarity.
 */
public final class MnistFit {
    private static final int BOX = 20;

    private final int side;
    private final PixelScaling scaling;
    private final float[] ink;
    private final float[] placed;

    /** For a model whose input is {@code spec} (square, one channel). */
    public MnistFit(InputSpec spec) {
        if (spec.channels() != 1 || spec.width() != spec.height()) {
            throw new IllegalArgumentException("resize 'mnist' needs a square one-channel input, the model has "
                    + spec.channels() + "x" + spec.height() + "x" + spec.width());
        }
        this.side = spec.width();
        // Ink is computed as light-on-dark; the scaling inverts again when the model wants dark-on-light.
        this.scaling = PixelScaling.of(spec, Polarity.LIGHT_ON_DARK);
        this.ink = new float[side * side];
        this.placed = new float[side * side];
    }

    /** Writes the model input for {@code region} of {@code gray} into {@code target} at {@code offset}. */
    public void fit(byte[] gray, int frameWidth, Region region, float[] target, int offset) {
        int lo = 255;
        int hi = 0;
        for (int y = region.y(); y < region.y() + region.height(); y++) {
            for (int x = region.x(); x < region.x() + region.width(); x++) {
                int v = gray[y * frameWidth + x] & 0xFF;
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        float paper = hi;
        float range = Math.max(16f, hi - lo);
        double scale = (double) Math.max(region.width(), region.height()) / BOX;
        int w = Math.max(1, (int) Math.round(region.width() / scale));
        int h = Math.max(1, (int) Math.round(region.height() / scale));
        java.util.Arrays.fill(ink, 0f);
        double mass = 0;
        double mx = 0;
        double my = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float v = areaMean(gray, frameWidth, region, x * scale, y * scale, scale);
                float s = Math.max(0f, Math.min(1f, (paper - v) / range * 1.25f - 0.1f));
                ink[y * side + x] = s;
                mass += s;
                mx += s * x;
                my += s * y;
            }
        }
        int shiftX = mass > 0 ? (int) Math.round(side / 2.0 - 0.5 - mx / mass) : (side - w) / 2;
        int shiftY = mass > 0 ? (int) Math.round(side / 2.0 - 0.5 - my / mass) : (side - h) / 2;
        java.util.Arrays.fill(placed, 0f);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int tx = x + shiftX;
                int ty = y + shiftY;
                if (tx >= 0 && ty >= 0 && tx < side && ty < side) {
                    placed[ty * side + tx] = ink[y * side + x];
                }
            }
        }
        for (int i = 0; i < side * side; i++) {
            target[offset + i] = scaling.scale(0, Math.round(placed[i] * 255));
        }
    }

    /** Mean of the source pixels under one target pixel (box filter: no aliasing when shrinking). */
    private static float areaMean(byte[] gray, int frameWidth, Region r, double sx, double sy, double scale) {
        int x0 = r.x() + (int) sx;
        int y0 = r.y() + (int) sy;
        int x1 = Math.min(r.x() + r.width(), Math.max(x0 + 1, r.x() + (int) Math.ceil(sx + scale)));
        int y1 = Math.min(r.y() + r.height(), Math.max(y0 + 1, r.y() + (int) Math.ceil(sy + scale)));
        int sum = 0;
        int n = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                sum += gray[y * frameWidth + x] & 0xFF;
                n++;
            }
        }
        return n == 0 ? 255f : (float) sum / n;
    }
}
