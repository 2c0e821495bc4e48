package dev.edgevision.trainer.detector.scenes;

import java.util.SplittableRandom;

/**
 * The loss a JPEG encoder causes, without the (lossless) entropy coding: colours go to YCbCr,
 * chroma is averaged over 2x2 pixels, each channel is cut into 8x8 blocks whose DCT coefficients
 * are rounded to the quantisation steps of the chosen quality (the example tables of the JPEG
 * standard, scaled as the IJG encoder scales them), and everything goes back. Blocking and ringing
 * come out as a real encoder makes them. Working arrays are reused.
 */
final class JpegArtefacts {
    private static final int[] LUMA = {
        16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55,
        14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22, 29, 51, 87, 80, 62,
        18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92,
        49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99};
    private static final int[] CHROMA = {
        17, 18, 24, 47, 99, 99, 99, 99, 18, 21, 26, 66, 99, 99, 99, 99,
        24, 26, 56, 99, 99, 99, 99, 99, 47, 66, 99, 99, 99, 99, 99, 99,
        99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99,
        99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99};
    private static final int BEST_QUALITY = 95;
    private final float[] lumaSteps = new float[128];
    private final float[] chromaSteps = new float[128];
    private final float[] block = new float[64];
    private float[] cb = new float[0];
    private float[] cr = new float[0];

    /** This scene's JPEG quality, or 0 when the scene is not compressed. */
    static int plan(SplittableRandom random, Nuisances nuisances) {
        boolean on = random.nextDouble() < nuisances.jpegProbability();
        int quality = nuisances.minJpegQuality() + random.nextInt(BEST_QUALITY - nuisances.minJpegQuality() + 1);
        return on ? quality : 0;
    }

    /** Puts {@code canvas} (grey levels) through JPEG compression at {@code quality} (1..100). */
    void compress(Canvas canvas, int quality) {
        steps(LUMA, quality, lumaSteps);
        steps(CHROMA, quality, chromaSteps);
        int w = canvas.width();
        int h = canvas.height();
        int cw = (w + 1) / 2;
        int ch = (h + 1) / 2;
        if (cb.length < cw * ch) {
            cb = new float[cw * ch];
            cr = new float[cw * ch];
        }
        toYcc(canvas, cw, ch);
        quantise(canvas.plane(0), w, h, lumaSteps, 128);
        quantise(cb, cw, ch, chromaSteps, 0);
        quantise(cr, cw, ch, chromaSteps, 0);
        toRgb(canvas, cw);
    }

    private static void steps(int[] table, int quality, float[] out) {
        int q = Math.max(1, Math.min(100, quality));
        int scale = q < 50 ? 5000 / q : 200 - 2 * q;
        for (int i = 0; i < 64; i++) {
            out[i] = Math.max(1, Math.min(255, (table[i] * scale + 50) / 100));
            out[64 + i] = 1 / out[i];
        }
    }

    /** Luma into plane 0; chroma averaged over each 2x2 cell (fewer pixels at odd edges) into the half-size planes. */
    private void toYcc(Canvas canvas, int cw, int ch) {
        float[] r = canvas.plane(0);
        float[] g = canvas.plane(1);
        float[] b = canvas.plane(2);
        int w = canvas.width();
        int h = canvas.height();
        for (int cy = 0; cy < ch; cy++) {
            int y0 = 2 * cy;
            int y1 = Math.min(y0 + 1, h - 1);
            for (int cx = 0; cx < cw; cx++) {
                int x0 = 2 * cx;
                int x1 = Math.min(x0 + 1, w - 1);
                float sumB = 0;
                float sumR = 0;
                int n = 0;
                for (int y = y0; y <= y1; y++) {
                    for (int x = x0; x <= x1; x++) {
                        int i = y * w + x;
                        float rr = clamp(r[i]);
                        float gg = clamp(g[i]);
                        float bb = clamp(b[i]);
                        r[i] = 0.299f * rr + 0.587f * gg + 0.114f * bb;
                        sumB += -0.168736f * rr - 0.331264f * gg + 0.5f * bb;
                        sumR += 0.5f * rr - 0.418688f * gg - 0.081312f * bb;
                        n++;
                    }
                }
                cb[cy * cw + cx] = sumB / n;
                cr[cy * cw + cx] = sumR / n;
            }
        }
    }

    private void toRgb(Canvas canvas, int cw) {
        float[] r = canvas.plane(0);
        float[] g = canvas.plane(1);
        float[] b = canvas.plane(2);
        int w = canvas.width();
        for (int y = 0; y < canvas.height(); y++) {
            int half = (y >> 1) * cw;
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                float luma = r[i];
                float blue = cb[half + (x >> 1)];
                float red = cr[half + (x >> 1)];
                r[i] = luma + 1.402f * red;
                g[i] = luma - 0.344136f * blue - 0.714136f * red;
                b[i] = luma + 1.772f * blue;
            }
        }
    }

    /**
     * Rounds every 8x8 block's DCT coefficients to multiples of {@code steps} (64 steps, then their
     * reciprocals); edge blocks repeat the last pixel.
     */
    private void quantise(float[] plane, int w, int h, float[] steps, float shift) {
        for (int by = 0; by < h; by += 8) {
            for (int bx = 0; bx < w; bx += 8) {
                boolean inside = bx + 8 <= w && by + 8 <= h;
                load(plane, w, h, bx, by, shift, inside);
                Dct8.forward(block);
                for (int k = 0; k < 64; k++) {
                    block[k] = (float) Math.rint(block[k] * steps[64 + k]) * steps[k];
                }
                Dct8.inverse(block);
                store(plane, w, h, bx, by, shift, inside);
            }
        }
    }

    private void load(float[] plane, int w, int h, int bx, int by, float shift, boolean inside) {
        for (int y = 0; y < 8; y++) {
            int row = (inside ? by + y : Math.min(by + y, h - 1)) * w;
            for (int x = 0; x < 8; x++) {
                block[y * 8 + x] = plane[row + (inside ? bx + x : Math.min(bx + x, w - 1))] - shift;
            }
        }
    }

    private void store(float[] plane, int w, int h, int bx, int by, float shift, boolean inside) {
        int rows = inside ? 8 : Math.min(8, h - by);
        int cols = inside ? 8 : Math.min(8, w - bx);
        for (int y = 0; y < rows; y++) {
            int row = (by + y) * w + bx;
            for (int x = 0; x < cols; x++) {
                plane[row + x] = block[y * 8 + x] + shift;
            }
        }
    }

    private static float clamp(float v) {
        return v < 0 ? 0 : Math.min(v, 255);
    }
}
