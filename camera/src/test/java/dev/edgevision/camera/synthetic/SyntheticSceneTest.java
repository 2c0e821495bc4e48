package dev.edgevision.camera.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgevision.camera.capture.IntRange;
import dev.edgevision.core.detect.BoundingBox;
import dev.edgevision.core.frame.Frame;
import dev.edgevision.core.frame.PixelFormat;
import dev.edgevision.core.idx.IdxFixtures;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SyntheticSceneTest {
    /** Darker than any paper can get, even in a dark corner with noise; lighter than any stroke's core. */
    private static final int DARK = 85;
    private static Glyphs glyphs;

    @BeforeAll
    static void loadGlyphs() throws Exception {
        glyphs = Glyphs.load(IdxFixtures.bundledDataset());
    }

    private static SceneSettings settings(long seed, double blank) {
        return new SceneSettings(320, 240, seed, new IntRange(1, 6), blank, new IntRange(30, 100), 10, 3, 1,
                PixelFormat.BGR24);
    }

    private static SceneSettings noiseless(long seed, IntRange digits) {
        return new SceneSettings(320, 240, seed, digits, 0, new IntRange(30, 100), 10, 0, 1, PixelFormat.BGR24);
    }

    @Test
    void theSameSeedGivesTheSamePixelsAndTruthWhateverTheOrder() {
        SyntheticScene first = new SyntheticScene(settings(7, 0.1), glyphs);
        SyntheticScene second = new SyntheticScene(settings(7, 0.1), glyphs);
        Frame a = new Frame();
        Frame b = new Frame();
        List<GroundTruth> truthA = first.render(5, a);
        second.render(9, b);
        List<GroundTruth> truthB = second.render(5, b);
        assertArrayEquals(a.pixels(), b.pixels());
        assertEquals(truthA, truthB);
        assertEquals(truthA, first.truth(5), "truth without rendering matches the render");

        SyntheticScene other = new SyntheticScene(settings(8, 0.1), glyphs);
        other.render(5, b);
        assertFalse(Arrays.equals(a.pixels(), b.pixels()), "another seed, another scene");
    }

    @Test
    void darkPixelsLieInsideTheTruthBoxesAndEveryBoxHoldsInk() {
        SyntheticScene scene = new SyntheticScene(settings(3, 0), glyphs);
        Frame frame = new Frame();
        int digits = 0;
        for (long index = 1; index <= 12; index++) {
            List<GroundTruth> truth = scene.render(index, frame);
            digits += truth.size();
            boolean[] inBox = new boolean[frame.width() * frame.height()];
            for (GroundTruth t : truth) {
                BoundingBox box = t.box();
                assertTrue(box.x() >= 0 && box.y() >= 0 && box.x() + box.w() <= 320 && box.y() + box.h() <= 240, "" + box);
                assertTrue(box.h() >= 30 * 0.8 && box.h() <= 100 * 1.3, "ink height within the size range: " + box);
                assertTrue(t.label() >= 0 && t.label() <= 9);
                mark(inBox, box, frame.width());
                int[] dark = darkBounds(frame, box);
                assertTrue(dark != null, "scene " + index + ": no ink inside " + box);
            }
            for (int i = 0; i < truth.size(); i++) {
                for (int j = i + 1; j < truth.size(); j++) {
                    assertEquals(0.0, truth.get(i).box().iou(truth.get(j).box()), "digits do not overlap");
                }
            }
            for (int y = 0; y < frame.height(); y++) {
                for (int x = 0; x < frame.width(); x++) {
                    if (luminance(frame, x, y) < DARK) {
                        assertTrue(inBox[y * frame.width() + x], "scene " + index + ": dark pixel (" + x + ", " + y
                                + ") outside every truth box " + truth);
                    }
                }
            }
        }
        assertTrue(digits >= 12, "scenes hold several digits: " + digits);
    }

    @Test
    void everyBoxIsTightEachOfItsEdgesTouchesInk() {
        SyntheticScene inked = new SyntheticScene(noiseless(4, new IntRange(1, 6)), glyphs);
        SyntheticScene paper = new SyntheticScene(noiseless(4, new IntRange(0, 0)), glyphs);
        Frame withInk = new Frame();
        Frame without = new Frame();
        for (long index = 1; index <= 8; index++) {
            List<GroundTruth> truth = inked.render(index, withInk);
            assertTrue(paper.render(index, without).isEmpty(), "the same lighting, no digits");
            for (GroundTruth t : truth) {
                BoundingBox b = t.box();
                int left = (int) b.x();
                int top = (int) b.y();
                int right = left + (int) b.w() - 1;
                int bottom = top + (int) b.h() - 1;
                assertTrue(inkAlong(withInk, without, left, top, left, bottom), "left edge of " + b);
                assertTrue(inkAlong(withInk, without, right, top, right, bottom), "right edge of " + b);
                assertTrue(inkAlong(withInk, without, left, top, right, top), "top edge of " + b);
                assertTrue(inkAlong(withInk, without, left, bottom, right, bottom), "bottom edge of " + b);
            }
        }
    }

    /** Whether some pixel on the segment is visibly darker (by 10 %) with ink than without. */
    private static boolean inkAlong(Frame withInk, Frame without, int x0, int y0, int x1, int y1) {
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                if (luminance(withInk, x, y) < 0.9 * luminance(without, x, y)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void blankAndDigitCountsFollowTheSettings() {
        SyntheticScene scene = new SyntheticScene(settings(11, 0.25), glyphs);
        int blank = 0;
        for (long index = 1; index <= 400; index++) {
            int count = scene.truth(index).size();
            assertTrue(count <= 6);
            if (count == 0) {
                blank++;
            }
        }
        assertTrue(blank > 60 && blank < 140, "about a quarter of the scenes are blank: " + blank + " of 400");
    }

    private static void mark(boolean[] inBox, BoundingBox box, int width) {
        for (int y = (int) box.y(); y < box.y() + box.h(); y++) {
            for (int x = (int) box.x(); x < box.x() + box.w(); x++) {
                inBox[y * width + x] = true;
            }
        }
    }

    /** Bounds {x0, y0, x1, y1} of the dark pixels inside {@code box}, or null. */
    private static int[] darkBounds(Frame frame, BoundingBox box) {
        int[] bounds = null;
        for (int y = (int) box.y(); y < box.y() + box.h(); y++) {
            for (int x = (int) box.x(); x < box.x() + box.w(); x++) {
                if (luminance(frame, x, y) < DARK) {
                    bounds = bounds == null ? new int[] {x, y, x, y}
                            : new int[] {Math.min(bounds[0], x), Math.min(bounds[1], y), Math.max(bounds[2], x), Math.max(bounds[3], y)};
                }
            }
        }
        return bounds;
    }

    private static int luminance(Frame frame, int x, int y) {
        int i = (y * frame.width() + x) * 3;
        byte[] d = frame.data();
        return ((d[i] & 0xFF) + (d[i + 1] & 0xFF) + (d[i + 2] & 0xFF)) / 3;
    }
}
