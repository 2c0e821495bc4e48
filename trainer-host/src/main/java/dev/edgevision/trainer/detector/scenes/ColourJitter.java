package dev.edgevision.trainer.detector.scenes;

import dev.edgevision.core.frame.Frame;
import dev.edgevision.core.frame.PixelFormat;
import java.util.SplittableRandom;

/**
 * The hue/saturation/value jitter of common YOLO trainers, applied to a finished frame: one hue
 * shift (a fraction of the colour circle), one saturation gain and one value gain per scene, each
 * drawn uniformly within its bound. Grey frames get the value gain only.
 */
final class ColourJitter {
    private ColourJitter() {
    }

    static void apply(Frame frame, Variety variety, SplittableRandom random) {
        double hue = variety.hueJitter() * (2 * random.nextDouble() - 1);
        double sat = 1 + variety.saturationJitter() * (2 * random.nextDouble() - 1);
        double val = 1 + variety.valueJitter() * (2 * random.nextDouble() - 1);
        byte[] px = frame.data();
        int n = frame.width() * frame.height();
        if (frame.format() == PixelFormat.GRAY8) {
            for (int i = 0; i < n; i++) {
                px[i] = clamp((px[i] & 0xFF) * val);
            }
            return;
        }
        int r0 = frame.format() == PixelFormat.RGB24 ? 0 : 2;
        int b0 = 2 - r0;
        float[] hsv = new float[3];
        for (int i = 0; i < n * 3; i += 3) {
            toHsv(px[i + r0] & 0xFF, px[i + 1] & 0xFF, px[i + b0] & 0xFF, hsv);
            double h = hsv[0] + hue;
            h -= Math.floor(h);
            double s = Math.min(1, hsv[1] * sat);
            double v = Math.min(1, hsv[2] * val);
            int sector = (int) (h * 6) % 6;
            double f = h * 6 - Math.floor(h * 6);
            double p = v * (1 - s);
            double q = v * (1 - f * s);
            double t = v * (1 - (1 - f) * s);
            double r;
            double g;
            double b;
            switch (sector) {
                case 0 -> { r = v; g = t; b = p; }
                case 1 -> { r = q; g = v; b = p; }
                case 2 -> { r = p; g = v; b = t; }
                case 3 -> { r = p; g = q; b = v; }
                case 4 -> { r = t; g = p; b = v; }
                default -> { r = v; g = p; b = q; }
            }
            px[i + r0] = clamp(r * 255);
            px[i + 1] = clamp(g * 255);
            px[i + b0] = clamp(b * 255);
        }
    }

    private static void toHsv(int r, int g, int b, float[] out) {
        int max = Math.max(r, Math.max(g, b));
        int min = Math.min(r, Math.min(g, b));
        float delta = max - min;
        float h;
        if (delta == 0) {
            h = 0;
        } else if (max == r) {
            h = ((g - b) / delta) / 6f;
        } else if (max == g) {
            h = ((b - r) / delta + 2) / 6f;
        } else {
            h = ((r - g) / delta + 4) / 6f;
        }
        out[0] = h < 0 ? h + 1 : h;
        out[1] = max == 0 ? 0 : delta / max;
        out[2] = max / 255f;
    }

    private static byte clamp(double v) {
        return (byte) Math.max(0, Math.min(255, (int) Math.round(v)));
    }
}
