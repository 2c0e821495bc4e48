package dev.edgevision.trainer.detector.scenes.sets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgevision.core.frame.Frame;
import dev.edgevision.trainer.detector.labels.LabelledBox;
import dev.edgevision.trainer.detector.scenes.InkProbe;
import dev.edgevision.trainer.detector.scenes.Nuisances;
import dev.edgevision.trainer.detector.scenes.Scene;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Shape scenes are repeatable, boxed tightly around each shape's ink, and varied in class, count and size. */
class ShapeScenesTest {
    @Test
    void sameIndexGivesSamePixelsAndBoxes() {
        ShapeScenes scenes = new ShapeScenes(640, 480, 5);
        Frame first = new Frame();
        Scene a = scenes.render(3, first);
        byte[] pixels = first.pixels();
        Scene other = scenes.render(4, new Frame());
        Scene again = new ShapeScenes(640, 480, 5).render(3, new Frame());
        Scene reused = scenes.render(3, first);

        assertEquals(a.boxes(), again.boxes());
        assertArrayEquals(pixels, again.frame().pixels());
        assertArrayEquals(pixels, reused.frame().pixels(), "the reused frame is filled the same way");
        assertEquals(a.boxes(), reused.boxes());
        assertFalse(Arrays.equals(pixels, other.frame().pixels()), "another index, another scene");
        assertFalse(Arrays.equals(pixels, new ShapeScenes(640, 480, 6).render(3, new Frame()).frame().pixels()),
                "another seed, another scene");
        assertEquals(640, first.width());
        assertEquals(480, first.height());
    }

    @Test
    void boxesLieInTheFrameAndAreTightAroundTheInk() {
        ShapeScenes scenes = new ShapeScenes(640, 480, 11, Nuisances.none());
        Frame frame = new Frame();
        int checked = 0;
        for (long index = 0; index < 30; index++) {
            Scene scene = scenes.render(index, frame);
            double paper = brightest(frame);
            for (LabelledBox box : scene.boxes()) {
                String where = "scene " + index + " box " + box;
                assertTrue(box.x1() >= 0 && box.y1() >= 0 && box.x2() <= 640 && box.y2() <= 480, where + ": in the frame");
                assertTrue(box.x2() > box.x1() && box.y2() > box.y1(), where + ": not empty");
                double darkest = darkest(frame, box, scene.boxes());
                assertTrue(paper - darkest > 60, where + ": the shape is drawn in dark ink");
                InkProbe.assertTight(frame, box, scene.boxes(), paper, darkest, 0, where);
                checked++;
            }
        }
        assertTrue(checked > 40, "checked " + checked + " boxes");
    }

    @Test
    void everyClassSomeEmptyScenesAndSizesFrom30To160() {
        ShapeScenes scenes = new ShapeScenes(640, 480, 1);
        Frame frame = new Frame();
        Map<String, Integer> counts = new TreeMap<>();
        List<Double> longer = new ArrayList<>();
        List<Double> heights = new ArrayList<>();
        int empty = 0;
        for (long index = 0; index < 60; index++) {
            List<LabelledBox> boxes = scenes.render(index, frame).boxes();
            empty += boxes.isEmpty() ? 1 : 0;
            assertTrue(boxes.size() <= 5, "at most 5 shapes: " + boxes);
            for (LabelledBox b : boxes) {
                assertTrue(ShapeScenes.CLASSES.contains(b.label()), b.label());
                counts.merge(b.label(), 1, Integer::sum);
                boolean clipped = b.x1() == 0 || b.y1() == 0 || b.x2() == 640 || b.y2() == 480;
                if (!clipped) {
                    double side = Math.max(b.width(), b.height());
                    assertTrue(side >= 26 && side <= 172, "longer side " + side + " about 30..160: " + b);
                    longer.add(side);
                    heights.add(b.height());
                }
            }
        }
        assertEquals(ShapeScenes.CLASSES, List.copyOf(counts.keySet().stream()
                .sorted((p, q) -> ShapeScenes.CLASSES.indexOf(p) - ShapeScenes.CLASSES.indexOf(q)).toList()));
        counts.forEach((label, n) -> assertTrue(n >= 8, label + " drawn " + n + " times in " + counts));
        assertTrue(empty >= 1 && empty <= 15, empty + " empty scenes of 60");
        assertTrue(longer.stream().anyMatch(s -> s < 45), "small shapes occur: " + longer);
        assertTrue(longer.stream().anyMatch(s -> s > 135), "large shapes occur: " + longer);
        assertTrue(heights.stream().anyMatch(h -> h < 40) && heights.stream().anyMatch(h -> h > 130),
                "box heights span about 30..160: " + heights);
    }

    @Test
    void describesItselfAndNamesItsClasses() {
        ShapeScenes scenes = new ShapeScenes(320, 240, 9);
        assertEquals(List.of("arrow", "box", "triangle", "cross", "star"), scenes.classes());
        assertTrue(scenes.description().contains("320x240") && scenes.description().contains("seed 9"), scenes.description());
        Scene small = scenes.render(0, new Frame());
        assertEquals(320, small.frame().width());
        small.boxes().forEach(b -> assertTrue(b.x2() <= 320 && b.y2() <= 240, b.toString()));
    }

    /** The paper: on a clean page under even light, nothing is brighter. */
    private static double brightest(Frame frame) {
        double max = 0;
        for (int y = 0; y < frame.height(); y += 3) {
            for (int x = 0; x < frame.width(); x += 3) {
                max = Math.max(max, InkProbe.value(frame, x, y));
            }
        }
        return max;
    }

    /** The darkest pixel of {@code box} that no other box covers (so it is this shape's ink). */
    private static double darkest(Frame frame, LabelledBox box, List<LabelledBox> all) {
        double min = 255;
        for (int y = (int) box.y1(); y < box.y2(); y++) {
            for (int x = (int) box.x1(); x < box.x2(); x++) {
                if (!InkProbe.inAnother(x, y, box, all, 0)) {
                    min = Math.min(min, InkProbe.value(frame, x, y));
                }
            }
        }
        return min;
    }
}
