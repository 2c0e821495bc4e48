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
    private static final int KINDS = 9;
    private static final int TRIES = 8;
    private static final double CLEARANCE = 6;
    /** Points of the mark being drawn: x0, y0, x1, y1, ... (reused). */
    private final double[] points = new double[2 * 96];
    private final double[] bounds = new double[4];

    void draw(Canvas canvas, Pen pen, EdgeProfile profile, SplittableRandom random, int max, List<LabelledBox> digits) {
        int count = max == 0 ? 0 : random.nextInt(max + 1);
        for (int i = 0; i < count; i++) {
            Ink ink = Ink.random(random);
            double thickness = 1.5 + 8 * random.nextDouble() * random.nextDouble();
            int kind = random.nextInt(KINDS);
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
        int n = shape(kind, x, y, angle, shape);
        bounds[0] = Double.MAX_VALUE;
        bounds[1] = Double.MAX_VALUE;
        bounds[2] = -Double.MAX_VALUE;
        bounds[3] = -Double.MAX_VALUE;
        for (int i = 0; i < n; i += 2) {
            bounds[0] = Math.min(bounds[0], points[i]);
            bounds[1] = Math.min(bounds[1], points[i + 1]);
            bounds[2] = Math.max(bounds[2], points[i]);
            bounds[3] = Math.max(bounds[3], points[i + 1]);
        }
        double grow = thickness / 2 + CLEARANCE;
        for (LabelledBox d : digits) {
            if (bounds[0] - grow < d.x2() && d.x1() < bounds[2] + grow && bounds[1] - grow < d.y2() && d.y1() < bounds[3] + grow) {
                return false;
            }
        }
        return true;
    }

    private void mark(Pen pen, EdgeProfile profile, int kind, double x, double y, double angle, SplittableRandom shape, double thickness) {
        int n = shape(kind, x, y, angle, shape);
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

    /**
     * Fills {@link #points} with the shape of {@code kind} around ({@code x}, {@code y}) turned by
     * {@code angle}; kinds 3-5 are separate segments (pairs of points), 8 separate dots, the rest one
     * polyline. Returns the number of coordinates written.
     */
    private int shape(int kind, double x, double y, double angle, SplittableRandom r) {
        int n = switch (kind) {
            case 0 -> wave(r, 180 + 280 * r.nextDouble(), 3 + 12 * r.nextDouble(), 1 + 3 * r.nextDouble());
            case 1 -> arrow(r, 170 + 300 * r.nextDouble());
            case 2 -> loops(r, 3 + r.nextInt(5), 10 + 20 * r.nextDouble());
            case 3 -> cross(r, 14 + 40 * r.nextDouble(), 2 + r.nextInt(3));
            case 4 -> hatch(r, 4 + r.nextInt(6), 20 + 40 * r.nextDouble(), 5 + 6 * r.nextDouble());
            case 5 -> box(r, 45 + 150 * r.nextDouble(), 30 + 100 * r.nextDouble());
            case 6 -> zigzag(r, 4 + r.nextInt(6), 10 + 14 * r.nextDouble(), 10 + 25 * r.nextDouble());
            case 7 -> triangle(r, 50 + 120 * r.nextDouble());
            default -> dots(r, 1 + r.nextInt(4));
        };
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        for (int i = 0; i < n; i += 2) {
            double px = points[i];
            double py = points[i + 1];
            points[i] = x + cos * px - sin * py;
            points[i + 1] = y + sin * px + cos * py;
        }
        return n;
    }

    private int put(int at, double px, double py) {
        points[at] = px;
        points[at + 1] = py;
        return at + 2;
    }

    /** A long wavy line: several periods over {@code length} pixels. */
    private int wave(SplittableRandom r, double length, double amplitude, double periods) {
        double phase = 2 * Math.PI * r.nextDouble();
        int n = 0;
        for (int i = 0; i <= 40; i++) {
            double t = i / 40.0;
            n = put(n, (t - 0.5) * length, amplitude * Math.sin(2 * Math.PI * periods * t + phase));
        }
        return n;
    }

    /** A straight line with an arrow head at one end. */
    private int arrow(SplittableRandom r, double length) {
        double head = 10 + 15 * r.nextDouble();
        int n = put(0, -length / 2, 0);
        n = put(n, length / 2, 0);
        n = put(n, length / 2 - head, -head * 0.6);
        n = put(n, length / 2, 0);
        return put(n, length / 2 - head, head * 0.6);
    }

    /** Cursive-like joined loops (a curtate trochoid): "eeee" or "llll" written fast. */
    private int loops(SplittableRandom r, int count, double size) {
        double stretch = 0.5 + 0.4 * r.nextDouble();
        int n = 0;
        int steps = Math.min(90, count * 14);
        for (int i = 0; i <= steps; i++) {
            double t = 2 * Math.PI * count * i / steps;
            n = put(n, size * (stretch * t - 1.2 * Math.sin(t)) - size * stretch * Math.PI * count, -size * 1.1 * (1 - Math.cos(t)) / 2);
        }
        return n;
    }

    /** A cross (two strokes) or an asterisk (three or four) of {@code size}. */
    private int cross(SplittableRandom r, double size, int strokes) {
        int n = 0;
        for (int s = 0; s < strokes; s++) {
            double a = Math.PI * (s + 0.5) / strokes + 0.2 * (r.nextDouble() - 0.5);
            n = put(n, -Math.cos(a) * size / 2, -Math.sin(a) * size / 2);
            n = put(n, Math.cos(a) * size / 2, Math.sin(a) * size / 2);
        }
        return n;
    }

    /** Parallel slanted strokes side by side, like shading. */
    private int hatch(SplittableRandom r, int count, double length, double gap) {
        int n = 0;
        double slant = length * (0.3 + 0.4 * r.nextDouble());
        for (int i = 0; i < count; i++) {
            double x = (i - count / 2.0) * gap;
            n = put(n, x - slant / 2, length / 2);
            n = put(n, x + slant / 2, -length / 2);
        }
        return n;
    }

    /** A rectangle outline as four segments, sometimes with a tick inside. */
    private int box(SplittableRandom r, double w, double h) {
        double[] c = {-w / 2, -h / 2, w / 2, -h / 2, w / 2, h / 2, -w / 2, h / 2};
        int n = 0;
        for (int i = 0; i < 4; i++) {
            n = put(n, c[2 * i], c[2 * i + 1]);
            n = put(n, c[(2 * i + 2) % 8], c[(2 * i + 3) % 8]);
        }
        if (r.nextBoolean()) {
            n = put(n, -w * 0.3, 0);
            n = put(n, -w * 0.05, h * 0.3);
            n = put(n, -w * 0.05, h * 0.3);
            n = put(n, w * 0.35, -h * 0.35);
        }
        return n;
    }

    /** A zigzag several teeth long, like a row of written m's or w's. */
    private int zigzag(SplittableRandom r, int teeth, double pitch, double height) {
        int n = 0;
        double jitter = 0.3 * pitch;
        for (int i = 0; i <= 2 * teeth; i++) {
            n = put(n, (i - teeth) * pitch / 2 + jitter * (r.nextDouble() - 0.5), (i % 2 == 0 ? 0.5 : -0.5) * height);
        }
        return n;
    }

    private int triangle(SplittableRandom r, double size) {
        double skew = 0.3 * (r.nextDouble() - 0.5) * size;
        int n = put(0, -size / 2, size * 0.4);
        n = put(n, size / 2, size * 0.4);
        n = put(n, skew, -size * 0.45);
        return put(n, -size / 2, size * 0.4);
    }

    /** A few blobs scattered over a small area. */
    private int dots(SplittableRandom r, int count) {
        int n = 0;
        for (int i = 0; i < count; i++) {
            n = put(n, 60 * (r.nextDouble() - 0.5), 60 * (r.nextDouble() - 0.5));
        }
        return n;
    }
}
