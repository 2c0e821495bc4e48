package dev.edgevision.trainer.detector.scenes;

import dev.edgevision.core.frame.Frame;
import dev.edgevision.core.frame.PixelFormat;
import dev.edgevision.trainer.detector.labels.LabelledBox;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Renders camera-like frames of hand-drawn shapes that are not digits (arrows, boxes, triangles,
 * crosses and five-pointed stars) on paper, each boxed and labelled with its class name: a
 * stand-in for a user's own labelled objects, to time and score training a detector on a few
 * hundred labelled images of something other than digits.
 *
 * <p>A scene is made as {@link DigitSceneGenerator} makes one, with the same page, pens, inks,
 * light, lens, sensor and JPEG: 1-5 shapes (none in 10 % of scenes) whose boxes are 30-160 px on
 * their longer side, turned any way, drawn with a pen 2.5-10 % of their size wide (at least 1.6 px)
 * and kept from overlapping one another by more than a tenth of the smaller box. A shape may run
 * off the frame as long as most of its box stays in; its box is then clipped to the frame. Stray
 * marks that are none of the classes (waves, loops, hatching, zigzags, dots) are added, unlabelled,
 * clear of the shapes. Each box is the tight box of the shape's sharp ink: the pixels within half a
 * pen width of its strokes' centre lines.
 *
 * <p>{@link #render} is deterministic: the same seed gives the same pixels and boxes. Working
 * arrays are allocated once per frame size and reused. An instance is for one thread at a time.
 */
public final class ShapeSceneGenerator {
    /** Class names in class-id order. */
    public static final List<String> CLASSES = List.of("arrow", "box", "triangle", "cross", "star");
    private static final double EMPTY = 0.1;
    private static final int MOST_SHAPES = 5;
    private static final int SMALLEST = 30;
    private static final int LARGEST = 160;
    private static final double MAX_OVERLAP = 0.1;
    /** Least share of a shape's box that must lie in the frame. */
    private static final double VISIBLE = 0.6;
    /** How far past the frame's edge a box may be put, as a share of its size. */
    private static final double OVERHANG = 0.3;
    private static final double THINNEST_PEN = 1.6;
    private static final int TRIES = 30;
    private static final int STRAY_TRIES = 8;
    private static final double CLEARANCE = 6;
    /** MarkShapes kinds that look like none of the classes: wave, loops, hatching, zigzag, dots. */
    private static final int[] STRAY_KINDS = {0, 2, 4, 6, 8};
    private final int width;
    private final int height;
    private final Nuisances nuisances;
    private final Canvas canvas = new Canvas();
    private final Paper paper = new Paper();
    private final EdgeProfile profile = new EdgeProfile();
    private final Pen pen = new Pen();
    private final HandShapes shapes = new HandShapes();
    private final MarkShapes marks = new MarkShapes();
    private final CameraFinish finish = new CameraFinish();

    /** Frames of {@code width} x {@code height} (32..8192 each way) with {@code nuisances}. */
    public ShapeSceneGenerator(int width, int height, Nuisances nuisances) {
        if (width < 32 || height < 32 || width > 8192 || height > 8192) {
            throw new IllegalArgumentException("scene size must be 32..8192 pixels each way, got " + width + "x" + height);
        }
        if (nuisances == null) {
            throw new IllegalArgumentException("scene nuisances are missing; use Nuisances.none() for none");
        }
        this.width = width;
        this.height = height;
        this.nuisances = nuisances;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Smallest longer side of a shape's box, pixels (less in small frames). */
    public int smallest() {
        return Math.min(SMALLEST, largest());
    }

    /** Largest longer side of a shape's box, pixels: 160, or 60 % of the frame's shorter side in small frames. */
    public int largest() {
        return Math.max(12, Math.min(LARGEST, (int) (Math.min(width, height) * 0.6)));
    }

    /** Renders scene {@code seed} into {@code target} (reshaped to RGB24 of this size) and returns it with its boxes. */
    public Scene render(long seed, Frame target) {
        SplittableRandom random = new SplittableRandom(seed);
        canvas.reshape(width, height);
        boolean blurred = random.nextDouble() < nuisances.blurProbability();
        profile.focus(blurred ? nuisances.maxBlurSigma() * random.nextDouble() : 0);
        paper.draw(canvas, random, nuisances, profile);
        List<LabelledBox> boxes = place(random);
        strays(random, boxes);
        finish.develop(canvas, random, nuisances, target, PixelFormat.RGB24);
        return new Scene(target, boxes);
    }

    private List<LabelledBox> place(SplittableRandom random) {
        int count = random.nextDouble() < EMPTY ? 0 : 1 + random.nextInt(MOST_SHAPES);
        List<LabelledBox> boxes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int kind = random.nextInt(HandShapes.KINDS);
            double size = size(random);
            double thickness = Math.max(THINNEST_PEN, size * 0.025 * Math.pow(4, random.nextDouble()));
            double angle = Math.PI * (2 * random.nextDouble() - 1);
            Ink ink = Ink.random(random);
            shapes.build(kind, size, thickness, random.nextDouble(), random.nextDouble(), angle, random);
            if (!shapes.measure(thickness / 2)) {
                continue;
            }
            LabelledBox box = findPlace(random, CLASSES.get(kind), thickness / 2, boxes);
            if (box != null) {
                pen.begin(width, height);
                double[] points = shapes.points();
                for (int s = 0; s < shapes.strokes(); s++) {
                    int start = shapes.strokeStart(s);
                    int end = shapes.strokeEnd(s);
                    for (int p = start; p + 3 < end; p += 2) {
                        pen.line(points[p], points[p + 1], points[p + 2], points[p + 3], thickness, profile);
                    }
                }
                pen.finish(canvas, ink);
                boxes.add(box);
            }
        }
        return boxes;
    }

    /** The longer side of a shape's box: half evenly on a log scale, half evenly on a linear one. */
    private double size(SplittableRandom random) {
        double min = smallest();
        double max = largest();
        double u = random.nextDouble();
        return random.nextBoolean() ? min * Math.pow(max / min, u) : min + (max - min) * u;
    }

    /**
     * A free place for the shape just measured: on the page, mostly in the frame, overlapping no
     * placed box by more than the allowed share. Moves the shape there and returns its box; a shape
     * running off the frame is measured again on its ink within the frame. Null when none is found.
     */
    private LabelledBox findPlace(SplittableRandom random, String label, double half, List<LabelledBox> placed) {
        int inkLeft = shapes.inkLeft();
        int inkTop = shapes.inkTop();
        int boxW = shapes.inkRight() - inkLeft + 1;
        int boxH = shapes.inkBottom() - inkTop + 1;
        int overX = (int) (OVERHANG * boxW);
        int overY = (int) (OVERHANG * boxH);
        int spanX = width - boxW + 2 * overX;
        int spanY = height - boxH + 2 * overY;
        if (spanX < 0 || spanY < 0) {
            return null;
        }
        for (int attempt = 0; attempt < TRIES; attempt++) {
            int x1 = -overX + random.nextInt(spanX + 1);
            int y1 = -overY + random.nextInt(spanY + 1);
            int visibleW = Math.min(width, x1 + boxW) - Math.max(0, x1);
            int visibleH = Math.min(height, y1 + boxH) - Math.max(0, y1);
            if ((double) visibleW * visibleH < VISIBLE * boxW * boxH) {
                continue;
            }
            int dx = x1 - inkLeft;
            int dy = y1 - inkTop;
            LabelledBox box;
            if (visibleW == boxW && visibleH == boxH) {
                box = new LabelledBox(label, x1, y1, x1 + boxW, y1 + boxH);
            } else if (shapes.measure(half, dx, dy, 0, 0, width - 1, height - 1)) {
                box = new LabelledBox(label, shapes.inkLeft(), shapes.inkTop(), shapes.inkRight() + 1, shapes.inkBottom() + 1);
            } else {
                continue;
            }
            if (DigitPlacer.onPage(paper, box) && placed.stream().noneMatch(other -> DigitPlacer.tooClose(box, other, MAX_OVERLAP))) {
                shapes.shift(dx, dy);
                return box;
            }
        }
        return null;
    }

    /** Unlabelled marks of kinds that are none of the classes, kept clear of the shapes' boxes. */
    private void strays(SplittableRandom random, List<LabelledBox> boxes) {
        int max = nuisances.maxDistractors();
        int count = max == 0 ? 0 : random.nextInt(max + 1);
        for (int i = 0; i < count; i++) {
            Ink ink = Ink.random(random);
            double thickness = 1.5 + 8 * random.nextDouble() * random.nextDouble();
            int kind = STRAY_KINDS[random.nextInt(STRAY_KINDS.length)];
            double grow = (kind == 8 ? thickness + 3 : thickness) / 2 + 3 * profile.spread() + CLEARANCE;
            for (int attempt = 0; attempt < STRAY_TRIES; attempt++) {
                double x = width * random.nextDouble();
                double y = height * random.nextDouble();
                double angle = Math.PI * (2 * random.nextDouble() - 1);
                int n = marks.shape(kind, x, y, angle, new SplittableRandom(random.nextLong()));
                if (Distractors.clearOf(marks.points(), n, grow, boxes)) {
                    stroke(kind, marks.points(), n, thickness, ink);
                    break;
                }
            }
        }
    }

    /** Draws a stray mark as {@link Distractors} draws its kind: segments for hatching, blobs for dots, else one stroke. */
    private void stroke(int kind, double[] points, int n, double thickness, Ink ink) {
        pen.begin(width, height);
        Distractors.draw(pen, profile, kind, points, n, thickness);
        pen.finish(canvas, ink);
    }
}
