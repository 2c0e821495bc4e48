package dev.edgevision.trainer.detector.scenes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgevision.core.frame.Frame;
import dev.edgevision.core.frame.PixelFormat;
import dev.edgevision.core.idx.DigitSet;
import dev.edgevision.trainer.detector.labels.LabelledBox;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DigitSceneGeneratorTest {
    /** Clean page, even light: a pixel's value tells how much ink covers it. */
    private static SceneSettings clean(double rotation, double maxOverlap) {
        return new SceneSettings(640, 480, PixelFormat.RGB24, 1, 6, 0.1, 30, 150, rotation, maxOverlap,
                Nuisances.none());
    }

    @Test
    void sameSeedGivesSamePixelsAndBoxes() {
        DigitSceneGenerator generator = new DigitSceneGenerator(TestDigits.mnistTest(), SceneSettings.digits());
        Frame first = new Frame();
        Scene a = generator.render(42, first);
        byte[] pixels = first.pixels();
        Scene other = generator.render(7, new Frame());
        Scene again = new DigitSceneGenerator(TestDigits.mnistTest(), SceneSettings.digits()).render(42, new Frame());
        Scene reused = generator.render(42, first);

        assertEquals(a.boxes(), again.boxes());
        assertArrayEquals(pixels, again.frame().pixels());
        assertArrayEquals(pixels, reused.frame().pixels(), "the reused frame is filled the same way");
        assertFalse(java.util.Arrays.equals(pixels, other.frame().pixels()), "another seed, another scene");
        assertEquals(640, first.width());
        assertEquals(PixelFormat.RGB24, first.format());
    }

    @Test
    void boxesAreTightAroundTheInk() {
        DigitSceneGenerator generator = new DigitSceneGenerator(TestDigits.mnistTest(), clean(20, 0));
        Frame frame = new Frame();
        int checked = 0;
        for (long seed = 0; seed < 25; seed++) {
            Scene scene = generator.render(seed, frame);
            double paper = InkProbe.value(frame, 0, 0);
            for (LabelledBox box : scene.boxes()) {
                double darkest = darkest(frame, box);
                assertTrue(paper - darkest > 60, "seed " + seed + ": a digit is drawn in " + box);
                String where = "seed " + seed + " box " + box;
                InkProbe.assertTight(frame, box, scene.boxes(), paper, darkest, 1, where);
                checked++;
            }
        }
        assertTrue(checked > 50, "checked " + checked + " boxes");
    }

    @Test
    void uprightDigitsAreAsTallAsTheSettingsSay() {
        List<Double> heights = uprightHeights(60);
        for (double h : heights) {
            assertTrue(h >= 30 * 0.95 - 1 && h <= 150 * 1.02 + 2, "height " + h + " within 30..150");
        }
        assertTrue(heights.stream().anyMatch(h -> h < 45), "small digits occur");
        assertTrue(heights.stream().anyMatch(h -> h > 120), "large digits occur");
    }

    @Test
    void largeDigitsAreCommonerThanALogScaleAloneMakesThem() {
        List<Double> heights = uprightHeights(200);
        // Heights spread on a log scale alone put ln(150/90)/ln(150/30) = 32 % of the digits above
        // 90 px (fewer still once large digits fail to find room); half linear makes it about 41 %.
        double tall = heights.stream().filter(h -> h > 90).count() / (double) heights.size();
        assertTrue(tall > 0.36 && tall < 0.5, String.format("%.3f of %d digits are taller than 90 px", tall,
                heights.size()));
    }

    /** Box heights of the digits in scenes 0 .. {@code scenes - 1}, drawn upright and apart. */
    private static List<Double> uprightHeights(int scenes) {
        DigitSceneGenerator generator = new DigitSceneGenerator(TestDigits.mnistTest(), clean(0, 0.1));
        List<Double> heights = new ArrayList<>();
        for (long seed = 0; seed < scenes; seed++) {
            generator.render(seed, new Frame()).boxes().forEach(b -> heights.add(b.height()));
        }
        return heights;
    }

    @Test
    void rotationStaysWithinTheSettings() {
        List<Double> turned = angles(new DigitSceneGenerator(TestDigits.bar(), clean(20, 0)));
        List<Double> upright = angles(new DigitSceneGenerator(TestDigits.bar(), clean(0, 0)));

        assertTrue(turned.size() > 40 && upright.size() > 40);
        assertTrue(turned.stream().allMatch(a -> Math.abs(a) <= 21.5), "at most 20 degrees either way: " + turned);
        assertTrue(turned.stream().anyMatch(a -> a > 14) && turned.stream().anyMatch(a -> a < -14), "both ways, up to the limit");
        assertTrue(upright.stream().allMatch(a -> Math.abs(a) <= 1.5), "upright when rotation is 0: " + upright);
    }

    @Test
    void labelsAreThoseOfTheGlyphsDrawn() {
        DigitSceneGenerator generator = new DigitSceneGenerator(TestDigits.barAndBox(), clean(0, 0.1));
        int ones = 0;
        int sevens = 0;
        for (long seed = 0; seed < 30; seed++) {
            for (LabelledBox box : generator.render(seed, new Frame()).boxes()) {
                if (box.label().equals("1")) {
                    assertTrue(box.height() > 2 * box.width(), "the vertical bar is labelled 1: " + box);
                    ones++;
                } else {
                    assertEquals("7", box.label());
                    assertTrue(box.width() > 1.8 * box.height(), "the flat box is labelled 7: " + box);
                    sevens++;
                }
            }
        }
        assertTrue(ones > 10 && sevens > 10);
        DigitSet fives = only(TestDigits.mnistTest(), 5);
        Scene scene = new DigitSceneGenerator(fives, clean(20, 0.1).withDigits(6, 6, 0)).render(3, new Frame());
        assertFalse(scene.boxes().isEmpty());
        scene.boxes().forEach(b -> assertEquals("5", b.label()));
    }

    @Test
    void aboutOneSceneInTenIsEmpty() {
        SceneSettings settings = clean(20, 0.1).withSize(320, 240).withGeometry(30, 80, 20).withDigits(1, 3, 0.1);
        DigitSceneGenerator generator = new DigitSceneGenerator(TestDigits.mnistTest(), settings);
        Frame frame = new Frame();
        int empty = 0;
        int scenes = 600;
        for (long seed = 0; seed < scenes; seed++) {
            empty += generator.render(seed, frame).boxes().isEmpty() ? 1 : 0;
        }
        assertTrue(empty >= 36 && empty <= 84, empty + " empty scenes of " + scenes + ", expected about 60");
    }

    @Test
    void digitsBarelyOverlap() {
        DigitSceneGenerator generator = new DigitSceneGenerator(TestDigits.mnistTest(), SceneSettings.digits());
        Frame frame = new Frame();
        int pairs = 0;
        for (long seed = 0; seed < 150; seed++) {
            List<LabelledBox> boxes = generator.render(seed, frame).boxes();
            for (int i = 0; i < boxes.size(); i++) {
                for (int j = i + 1; j < boxes.size(); j++) {
                    LabelledBox a = boxes.get(i);
                    LabelledBox b = boxes.get(j);
                    double iou = dev.edgevision.trainer.detector.eval.PredictedBox.iou(a.x1(), a.y1(), a.x2(), a.y2(),
                            b.x1(), b.y1(), b.x2(), b.y2());
                    assertTrue(iou < 0.1, "seed " + seed + ": " + a + " and " + b + " have IoU " + iou);
                    pairs++;
                }
            }
            for (LabelledBox box : boxes) {
                assertTrue(box.x1() >= 0 && box.y1() >= 0 && box.x2() <= 640 && box.y2() <= 480, "inside the frame: " + box);
            }
        }
        assertTrue(pairs > 300, pairs + " pairs");
    }

    @Test
    void framesComeInTheFormatAsked() {
        SceneSettings rgb = SceneSettings.digits();
        Frame a = new DigitSceneGenerator(TestDigits.mnistTest(), rgb).render(5, new Frame()).frame();
        Frame b = new DigitSceneGenerator(TestDigits.mnistTest(), rgb.withFormat(PixelFormat.BGR24)).render(5, new Frame()).frame();
        Frame g = new DigitSceneGenerator(TestDigits.mnistTest(), rgb.withFormat(PixelFormat.GRAY8)).render(5, new Frame()).frame();

        byte[] p = a.pixels();
        byte[] q = b.pixels();
        for (int i = 0; i < p.length; i += 3) {
            assertEquals(p[i], q[i + 2]);
            assertEquals(p[i + 1], q[i + 1]);
        }
        int tinted = 0;
        for (int i = 0; i < p.length; i += 3) {
            tinted += p[i] != p[i + 2] ? 1 : 0;
        }
        assertTrue(tinted > p.length / 30, "a tinted page: red and blue differ in many pixels, got " + tinted);
        assertEquals(640 * 480, g.byteCount());
    }

    @Test
    void renderingAllocatesNothingFrameSized() {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        org.junit.jupiter.api.Assumptions.assumeTrue(threads instanceof com.sun.management.ThreadMXBean,
                "this JVM does not count allocated bytes per thread");
        com.sun.management.ThreadMXBean counter = (com.sun.management.ThreadMXBean) threads;
        DigitSceneGenerator generator = new DigitSceneGenerator(TestDigits.mnistTest(), SceneSettings.digits());
        Frame frame = new Frame();
        for (long seed = 0; seed < 30; seed++) {
            generator.render(seed, frame);
        }
        long before = counter.getThreadAllocatedBytes(Thread.currentThread().getId());
        for (long seed = 100; seed < 120; seed++) {
            generator.render(seed, frame);
        }
        long perScene = (counter.getThreadAllocatedBytes(Thread.currentThread().getId()) - before) / 20;
        assertTrue(perScene < 640 * 480 / 4, perScene + " bytes allocated per scene; a frame is " + 640 * 480 * 3);
    }

    private static DigitSet only(DigitSet set, int label) {
        int[] picked = java.util.stream.IntStream.range(0, set.size()).filter(i -> set.label(i) == label).toArray();
        return set.subset(picked, "only " + label);
    }

    /** Angle from vertical (degrees) of each bar drawn, from its ink pixels' second moments. */
    private static List<Double> angles(DigitSceneGenerator generator) {
        List<Double> angles = new ArrayList<>();
        Frame frame = new Frame();
        for (long seed = 0; seed < 40; seed++) {
            Scene scene = generator.render(seed, frame);
            double paper = InkProbe.value(frame, 0, 0);
            for (LabelledBox box : scene.boxes()) {
                double half = paper - (paper - darkest(frame, box)) / 2;
                double n = 0;
                double sx = 0;
                double sy = 0;
                double sxx = 0;
                double syy = 0;
                double sxy = 0;
                for (int y = (int) box.y1(); y < box.y2(); y++) {
                    for (int x = (int) box.x1(); x < box.x2(); x++) {
                        if (InkProbe.value(frame, x, y) <= half) {
                            n++;
                            sx += x;
                            sy += y;
                            sxx += (double) x * x;
                            syy += (double) y * y;
                            sxy += (double) x * y;
                        }
                    }
                }
                double cxx = sxx / n - (sx / n) * (sx / n);
                double cyy = syy / n - (sy / n) * (sy / n);
                double cxy = sxy / n - (sx / n) * (sy / n);
                double axis = 0.5 * Math.atan2(2 * cxy, cxx - cyy);
                angles.add(((Math.toDegrees(axis) + 180) % 180) - 90);
            }
        }
        return angles;
    }

    private static double darkest(Frame frame, LabelledBox box) {
        double min = 255;
        for (int y = (int) box.y1(); y < box.y2(); y++) {
            min = Math.min(min, InkProbe.minInRow(frame, y, (int) box.x1(), (int) box.x2() - 1));
        }
        return min;
    }
}
