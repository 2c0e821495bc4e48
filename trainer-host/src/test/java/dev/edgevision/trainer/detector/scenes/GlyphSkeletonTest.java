package dev.edgevision.trainer.detector.scenes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgevision.core.idx.DigitSet;
import org.junit.jupiter.api.Test;

/** Redrawing glyphs along their centre lines keeps what makes them the digit they are: loops stay open, solid parts solid. */
class GlyphSkeletonTest {
    @Test
    void aRingKeepsItsHole() {
        DigitRaster raster = draw(ring(255, 0));
        assertEquals(0f, centre(raster), 1e-3f, "the hole is paper");
        assertTrue(maxCoverage(raster) > 0.9f, "the ring is ink");
    }

    @Test
    void aLoopWhoseHoleIsNearlyInkStillOpens() {
        GlyphBank glyphs = new GlyphBank(ring(255, 150));
        GlyphSkeleton skeleton = new GlyphSkeleton();
        assertTrue(skeleton.build(glyphs, 0, 2));
        assertFalse(skeleton.filled());
        assertEquals(0f, centre(draw(ring(255, 150))), 1e-3f, "a threshold above the hole's grey opens it");
    }

    @Test
    void aSolidHeadStaysSolid() {
        byte[] pixels = new byte[28 * 28];
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) {
                boolean head = Math.hypot(x - 13.5, y - 9.5) <= 6;
                boolean stem = x >= 17 && x <= 19 && y >= 9 && y <= 25;
                pixels[y * 28 + x] = (byte) (head || stem ? 255 : 0);
            }
        }
        DigitSet set = new DigitSet(pixels, new byte[] {9}, 28, 28, "solid 9");
        GlyphSkeleton skeleton = new GlyphSkeleton();
        assertTrue(skeleton.build(new GlyphBank(set), 0, 2));
        assertTrue(skeleton.filled(), "thinning would lose " + skeleton.lostShare() + " of the ink");
        DigitRaster raster = new DigitRaster();
        assertTrue(raster.draw(new GlyphBank(set), 0, 100, 3, 0, new EdgeProfile(), 0, 0));
        int headX = raster.boxLeft() + (raster.boxRight() - raster.boxLeft()) * 8 / 16;
        int headY = raster.boxTop() + (raster.boxBottom() - raster.boxTop()) / 5;
        assertTrue(raster.coverage(headX, headY) > 0.99f, "inside the head is ink, not a thin line's surroundings");
    }

    /** A ring (radii 5.5 to 9) of {@code ink}, its hole filled with {@code hole}. */
    private static DigitSet ring(int ink, int hole) {
        byte[] pixels = new byte[28 * 28];
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) {
                double r = Math.hypot(x + 0.5 - 14, y + 0.5 - 14);
                pixels[y * 28 + x] = (byte) (r <= 9 && r >= 5.5 ? ink : r < 5.5 ? hole : 0);
            }
        }
        return new DigitSet(pixels, new byte[] {0}, 28, 28, "ring");
    }

    private static DigitRaster draw(DigitSet set) {
        DigitRaster raster = new DigitRaster();
        assertTrue(raster.draw(new GlyphBank(set), 0, 100, 3, 0, new EdgeProfile(), 0, 0));
        return raster;
    }

    private static float centre(DigitRaster raster) {
        return raster.coverage((raster.boxLeft() + raster.boxRight()) / 2, (raster.boxTop() + raster.boxBottom()) / 2);
    }

    private static float maxCoverage(DigitRaster raster) {
        float max = 0;
        for (int y = 0; y < raster.height(); y++) {
            for (int x = 0; x < raster.width(); x++) {
                max = Math.max(max, raster.coverage(x, y));
            }
        }
        return max;
    }
}
