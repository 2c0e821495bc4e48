package dev.edgevision.trainer.detector.scenes;

import java.util.SplittableRandom;

/**
 * The outlines of the non-digit marks as points: long waves, arrows, cursive-like loops, crosses
 * and asterisks, hatching, boxes (some ticked), zigzags, triangles and dots, each drawn around a
 * place and turned. Kinds 3-5 come as separate segments (pairs of points), kind 8 as separate
 * dots, the others as one polyline. The point buffer is reused.
 */
final class MarkShapes {
    /** Number of kinds. */
    static final int KINDS = 9;
    /** The mark being made: x0, y0, x1, y1, ... */
    private final double[] points = new double[2 * 96];

    /** The points of the last shape made. */
    double[] points() {
        return points;
    }

    /**
     * Fills {@link #points} with the shape of {@code kind} around ({@code x}, {@code y}) turned by
     * {@code angle}, its sizes drawn from {@code r}. Returns the number of coordinates written.
     */
    int shape(int kind, double x, double y, double angle, SplittableRandom r) {
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
