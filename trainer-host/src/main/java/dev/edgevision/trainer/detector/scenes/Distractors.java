package dev.edgevision.trainer.detector.scenes;

import dev.edgevision.trainer.detector.labels.LabelledBox;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Pen marks that are not digits, in the same inks and stroke widths as the digits, kept clear of
 * the digits' boxes: long wavy scribbles, straight lines and arrows, cursive-like loops and
 * zigzags several letters wide, crosses, asterisks, hatching, boxes (some ticked), triangles and
 * dots. Shapes a digit could be mistaken for are left out on purpose: no lone short stroke (a 1),
 * no round loop (a 0), no hook or S-curve.
 */
final class Distractors {
    private static final int TRIES = 8;
    private static final double CLEARANCE = 6;
    private final MarkShapes shapes = new MarkShapes();

    void draw(Canvas canvas, Pen pen, EdgeProfile profile, SplittableRandom random, int max, List<LabelledBox> digits) {
        int count = max == 0 ? 0 : random.nextInt(max + 1);
        for (int i = 0; i < count; i++) {
            Ink ink = Ink.random(random);
            double thickness = 1.5 + 8 * random.nextDouble() * random.nextDouble();
            int kind = random.nextInt(MarkShapes.KINDS);
            for (int attempt = 0; attempt < TRIES; attempt++) {
                double x = canvas.width() * random.nextDouble();
                double y = canvas.height() * random.nextDouble();
                double angle = Math.PI * (2 * random.nextDouble() - 1);
                long shapeSeed = random.nextLong();
                if (fits(kind, x, y, angle, new SplittableRandom(shapeSeed), thickness + 6 * profile.spread(), digits)) {
                    pen.begin(canvas.width(), canvas.height());
                    mark(pen, profile, kind, x, y, angle, new SplittableRandom(shapeSeed), thickness);
                    pen.finish(canvas, ink);
                    break;
                }
            }
        }
    }

    /** Whether the mark keeps clear of every digit box. */
    private boolean fits(int kind, double x, double y, double angle, SplittableRandom shape, double thickness,
            List<LabelledBox> digits) {
        int n = shapes.shape(kind, x, y, angle, shape);
        return clearOf(shapes.points(), n, thickness / 2 + CLEARANCE, digits);
    }

    /**
     * Whether the bounding box of the first {@code n} coordinates of {@code points}, grown by
     * {@code grow} on every side, keeps clear of every box of {@code boxes}.
     */
    static boolean clearOf(double[] points, int n, double grow, List<LabelledBox> boxes) {
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (int i = 0; i < n; i += 2) {
            minX = Math.min(minX, points[i]);
            minY = Math.min(minY, points[i + 1]);
            maxX = Math.max(maxX, points[i]);
            maxY = Math.max(maxY, points[i + 1]);
        }
        for (LabelledBox b : boxes) {
            if (minX - grow < b.x2() && b.x1() < maxX + grow && minY - grow < b.y2() && b.y1() < maxY + grow) {
                return false;
            }
        }
        return true;
    }

    private void mark(Pen pen, EdgeProfile profile, int kind, double x, double y, double angle, SplittableRandom shape, double thickness) {
        int n = shapes.shape(kind, x, y, angle, shape);
        draw(pen, profile, kind, shapes.points(), n, thickness);
    }

    /**
     * Draws the first {@code n} coordinates of a {@link MarkShapes} shape of {@code kind} with
     * {@code pen}: kinds 3-5 as separate segments, kind 8 as dots, the others as one stroke.
     */
    static void draw(Pen pen, EdgeProfile profile, int kind, double[] points, int n, double thickness) {
        switch (kind) {
            case 3, 4, 5 -> {
                for (int i = 0; i + 3 < n; i += 4) {
                    pen.line(points[i], points[i + 1], points[i + 2], points[i + 3], thickness, profile);
                }
            }
            case 8 -> {
                for (int i = 0; i + 1 < n; i += 2) {
                    pen.line(points[i], points[i + 1], points[i], points[i + 1], thickness + 3, profile);
                }
            }
            default -> pen.polyline(points, n, thickness, profile);
        }
    }
}
