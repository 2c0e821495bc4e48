package dev.edgevision.trainer.detector.scenes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class JpegArtefactsTest {
    @Test
    void dctMatchesItsDefinitionAndInverts() {
        SplittableRandom random = new SplittableRandom(3);
        float[] block = new float[64];
        for (int i = 0; i < 64; i++) {
            block[i] = (float) (255 * random.nextDouble() - 128);
        }
        float[] original = block.clone();
        Dct8.forward(block);
        for (int u = 0; u < 8; u++) {
            for (int v = 0; v < 8; v++) {
                double sum = 0;
                for (int y = 0; y < 8; y++) {
                    for (int x = 0; x < 8; x++) {
                        sum += original[y * 8 + x] * Math.cos((2 * x + 1) * v * Math.PI / 16) * Math.cos((2 * y + 1) * u * Math.PI / 16);
                    }
                }
                double expected = sum * (u == 0 ? Math.sqrt(0.125) : 0.5) * (v == 0 ? Math.sqrt(0.125) : 0.5);
                assertEquals(expected, block[u * 8 + v], 1e-3, "coefficient " + u + "," + v);
            }
        }
        Dct8.inverse(block);
        for (int i = 0; i < 64; i++) {
            assertEquals(original[i], block[i], 1e-3);
        }
    }

    @Test
    void lowQualityDamagesEdgesAndLeavesFlatAreasFlat() {
        double fine = error(95);
        double coarse = error(10);
        assertTrue(fine < 3, "quality 95 keeps an edge nearly intact: mean error " + fine);
        assertTrue(coarse > 3 * fine, "quality 10 rings and blocks: mean error " + coarse + " vs " + fine);

        Canvas flat = new Canvas();
        flat.reshape(37, 21);
        flat.fill(new Colour(180, 170, 150));
        new JpegArtefacts().compress(flat, 10);
        for (int c = 0; c < 3; c++) {
            float first = flat.plane(c)[0];
            assertEquals(c == 0 ? 180 : c == 1 ? 170 : 150, first, 8.0, "a coarse DC step may shift the level a little");
            for (int i = 0; i < 37 * 21; i++) {
                assertEquals(first, flat.plane(c)[i], 0.01, "flat colour stays flat, edge blocks included");
            }
        }
    }

    /** Mean absolute change of a frame holding dark slanted strokes on paper, after compression at {@code quality}. */
    private static double error(int quality) {
        Canvas canvas = new Canvas();
        canvas.reshape(67, 45);
        float[][] before = new float[3][67 * 45];
        for (int y = 0; y < 45; y++) {
            for (int x = 0; x < 67; x++) {
                boolean ink = ((x + y / 2) / 6) % 3 == 0;
                for (int c = 0; c < 3; c++) {
                    before[c][y * 67 + x] = ink ? 30 + 10 * c : 220 - 5 * c;
                    canvas.plane(c)[y * 67 + x] = before[c][y * 67 + x];
                }
            }
        }
        new JpegArtefacts().compress(canvas, quality);
        double sum = 0;
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < 67 * 45; i++) {
                sum += Math.abs(canvas.plane(c)[i] - before[c][i]);
            }
        }
        return sum / (3 * 67 * 45);
    }
}
