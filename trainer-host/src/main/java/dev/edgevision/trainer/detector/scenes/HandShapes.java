package dev.edgevision.trainer.detector.scenes;

import java.util.SplittableRandom;

/**
 * The pen strokes of the labelled shapes of {@link ShapeSceneGenerator}, as a hand draws them: an
 * arrow (shaft, then the head in one stroke), a box, a triangle and a five-pointed star outline
 * (each one closed stroke that starts at a random corner and overshoots or stops short where it
 * closes), and a cross (two strokes). Corners are placed a little off the ideal figure, and every
 * side bows and wavers a little, so no two shapes are alike. Then the tight box of the ink: the
 * pixels within half a pen width of a stroke's centre line, as for the digits. Buffers are reused.
 */
final class HandShapes {
    /** Number of kinds: 0 arrow, 1 box, 2 triangle, 3 cross, 4 star. */
    static final int KINDS = 5;
    static final int ARROW = 0;
    static final int BOX = 1;
    static final int TRIANGLE = 2;
    static final int CROSS = 3;
    private static final int MOST_PIECES = 24;
    private static final double PIECE = 6;
    /** The figure's corners before size and rotation, about (0, 0) and about 1 across: u0, v0, u1, v1, ... */
    private final double[] corners = new double[2 * 16];
    private final int[] cornerEnds = new int[4];
    private final boolean[] closed = new boolean[4];
    private int cornerCount;
    private int figureStrokes;
    /** The strokes in frame pixels: x0, y0, x1, y1, ...; stroke s ends before coordinate {@code ends[s]}. */
    private final double[] points = new double[2 * 512];
    private final int[] ends = new int[4];
    private int pointCount;
    private int strokes;
    private double size;
    private int inkLeft;
    private int inkTop;
    private int inkRight;
    private int inkBottom;
    private int clipLeft;
    private int clipTop;
    private int clipRight;
    private int clipBottom;

    /**
     * Makes the strokes of {@code kind} with ({@code x}, {@code y}) the centre of its box, turned by
     * {@code angle} radians and scaled so that, drawn {@code thickness} pixels wide, the longer side
     * of its box is about {@code size} pixels; its shape and wobble are drawn from {@code r}.
     */
    void build(int kind, double size, double thickness, double x, double y, double angle, SplittableRandom r) {
        this.size = size;
        cornerCount = 0;
        figureStrokes = 0;
        switch (kind) {
            case ARROW -> arrow(r);
            case BOX -> box(r);
            case TRIANGLE -> triangle(r);
            case CROSS -> cross(r);
            default -> star(r);
        }
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (int i = 0; i < cornerCount; i += 2) {
            double u = cos * corners[i] - sin * corners[i + 1];
            double v = sin * corners[i] + cos * corners[i + 1];
            corners[i] = u;
            corners[i + 1] = v;
            minX = Math.min(minX, u);
            maxX = Math.max(maxX, u);
            minY = Math.min(minY, v);
            maxY = Math.max(maxY, v);
        }
        double scale = Math.max(1, size - thickness) / Math.max(1e-6, Math.max(maxX - minX, maxY - minY));
        double midX = (minX + maxX) / 2;
        double midY = (minY + maxY) / 2;
        for (int i = 0; i < cornerCount; i += 2) {
            corners[i] = x + scale * (corners[i] - midX);
            corners[i + 1] = y + scale * (corners[i + 1] - midY);
        }
        pointCount = 0;
        strokes = 0;
        int from = 0;
        for (int s = 0; s < figureStrokes; s++) {
            trace(from, cornerEnds[s], closed[s], r);
            from = cornerEnds[s];
        }
    }

    int strokes() {
        return strokes;
    }

    /** First coordinate of stroke {@code s} in {@link #points()}. */
    int strokeStart(int s) {
        return s == 0 ? 0 : ends[s - 1];
    }

    /** One past the last coordinate of stroke {@code s}. */
    int strokeEnd(int s) {
        return ends[s];
    }

    double[] points() {
        return points;
    }

    /** Moves the strokes by ({@code dx}, {@code dy}) pixels. */
    void shift(double dx, double dy) {
        for (int i = 0; i < pointCount; i += 2) {
            points[i] += dx;
            points[i + 1] += dy;
        }
    }

    /**
     * Measures the tight box of the pixels whose centres lie within {@code half} of a stroke's centre
     * line, in frame pixels and not clipped to any frame; false if there is none.
     */
    boolean measure(double half) {
        return measure(half, 0, 0, Integer.MIN_VALUE, Integer.MIN_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE);
    }

    /**
     * As {@link #measure(double)} with the strokes moved by ({@code dx}, {@code dy}) and only the
     * pixels in columns {@code left..right} and rows {@code top..bottom} (inclusive) counted.
     */
    boolean measure(double half, int dx, int dy, int left, int top, int right, int bottom) {
        clipLeft = left;
        clipTop = top;
        clipRight = right;
        clipBottom = bottom;
        inkLeft = Integer.MAX_VALUE;
        inkTop = Integer.MAX_VALUE;
        inkRight = Integer.MIN_VALUE;
        inkBottom = Integer.MIN_VALUE;
        for (int s = 0; s < strokes; s++) {
            int end = strokeEnd(s);
            int start = strokeStart(s);
            if (end - start == 2) {
                segment(points[start] + dx, points[start + 1] + dy, points[start] + dx, points[start + 1] + dy, half);
            }
            for (int i = start; i + 3 < end; i += 2) {
                segment(points[i] + dx, points[i + 1] + dy, points[i + 2] + dx, points[i + 3] + dy, half);
            }
        }
        return inkRight >= inkLeft;
    }

    /** First ink column of the last {@link #measure}. */
    int inkLeft() {
        return inkLeft;
    }

    int inkTop() {
        return inkTop;
    }

    /** Last ink column (inclusive). */
    int inkRight() {
        return inkRight;
    }

    int inkBottom() {
        return inkBottom;
    }

    private void segment(double x0, double y0, double x1, double y1, double half) {
        int xa = Math.max(clipLeft, (int) Math.floor(Math.min(x0, x1) - half));
        int xb = Math.min(clipRight, (int) Math.ceil(Math.max(x0, x1) + half));
        int ya = Math.max(clipTop, (int) Math.floor(Math.min(y0, y1) - half));
        int yb = Math.min(clipBottom, (int) Math.ceil(Math.max(y0, y1) + half));
        double dx = x1 - x0;
        double dy = y1 - y0;
        double lengthSquared = dx * dx + dy * dy;
        double limit = half * half;
        for (int y = ya; y <= yb; y++) {
            boolean rowInside = y > inkTop && y < inkBottom;
            double py = y + 0.5 - y0;
            for (int x = xa; x <= xb; x++) {
                if (rowInside && x > inkLeft && x < inkRight) {
                    continue;
                }
                double px = x + 0.5 - x0;
                double t = lengthSquared == 0 ? 0 : Math.max(0, Math.min(1, (px * dx + py * dy) / lengthSquared));
                double ex = px - t * dx;
                double ey = py - t * dy;
                if (ex * ex + ey * ey <= limit) {
                    inkLeft = Math.min(inkLeft, x);
                    inkRight = Math.max(inkRight, x);
                    inkTop = Math.min(inkTop, y);
                    inkBottom = Math.max(inkBottom, y);
                }
            }
        }
    }

    /** Draws the figure's stroke through corners {@code from} .. {@code to} as wavering sides, joined into one stroke. */
    private void trace(int from, int to, boolean loop, SplittableRandom r) {
        int n = (to - from) / 2;
        int first = n > 2 && loop ? r.nextInt(n) : 0;
        int sides = loop ? n : n - 1;
        for (int k = 0; k < sides; k++) {
            int a = from + 2 * ((first + k) % n);
            int b = from + 2 * ((first + k + 1) % n);
            side(corners[a], corners[a + 1], corners[b], corners[b + 1], k == 0, r);
        }
        if (loop) {
            int a = from + 2 * first;
            int b = from + 2 * ((first + 1) % n);
            double reach = 0.15 * r.nextDouble() - 0.05;
            if (reach > 0.01) {
                double off = 0.02 * size * (2 * r.nextDouble() - 1);
                double dx = corners[b] - corners[a];
                double dy = corners[b + 1] - corners[a + 1];
                double length = Math.max(1e-6, Math.hypot(dx, dy));
                put(corners[a] + reach * dx - off * dy / length, corners[a + 1] + reach * dy + off * dx / length);
            }
        }
        ends[strokes++] = pointCount;
    }

    /** One side from A to B: a slight bow and a waver, both vanishing at the corners. */
    private void side(double ax, double ay, double bx, double by, boolean start, SplittableRandom r) {
        double dx = bx - ax;
        double dy = by - ay;
        double length = Math.hypot(dx, dy);
        int pieces = Math.max(1, Math.min(MOST_PIECES, (int) Math.ceil(length / PIECE)));
        double nx = length == 0 ? 0 : -dy / length;
        double ny = length == 0 ? 0 : dx / length;
        double bow = 0.02 * size * (2 * r.nextDouble() - 1);
        double waver = Math.min(1.5, 0.008 * size) * r.nextDouble();
        double periods = 1 + 1.5 * r.nextDouble();
        double phase = 2 * Math.PI * r.nextDouble();
        for (int i = start ? 0 : 1; i <= pieces; i++) {
            double t = (double) i / pieces;
            double envelope = Math.sin(Math.PI * t);
            double off = envelope * (bow + waver * Math.sin(2 * Math.PI * periods * t + phase));
            put(ax + t * dx + off * nx, ay + t * dy + off * ny);
        }
    }

    private void put(double x, double y) {
        if (pointCount + 2 <= points.length) {
            points[pointCount++] = x;
            points[pointCount++] = y;
        }
    }

    /** A corner of the figure being planned, moved up to {@code jitter} each way. */
    private void corner(double u, double v, double jitter, SplittableRandom r) {
        corners[cornerCount++] = u + jitter * (2 * r.nextDouble() - 1);
        corners[cornerCount++] = v + jitter * (2 * r.nextDouble() - 1);
    }

    private void endStroke(boolean loop) {
        cornerEnds[figureStrokes] = cornerCount;
        closed[figureStrokes++] = loop;
    }

    /** A shaft, then the head's two barbs in one stroke through the tip. */
    private void arrow(SplittableRandom r) {
        corner(-0.5, 0, 0.02, r);
        corner(0.5, 0, 0, r);
        endStroke(false);
        double head = 0.18 + 0.17 * r.nextDouble();
        double spread = Math.toRadians(22 + 20 * r.nextDouble());
        double skew = Math.toRadians(8 * (2 * r.nextDouble() - 1));
        corner(0.5 - head * Math.cos(spread + skew), -head * Math.sin(spread + skew), 0.02, r);
        corner(0.5, 0, 0.01, r);
        corner(0.5 - head * Math.cos(spread - skew), head * Math.sin(spread - skew), 0.02, r);
        endStroke(false);
    }

    /** A rectangle, from square to twice as wide as tall. */
    private void box(SplittableRandom r) {
        double w = 0.5;
        double h = 0.5 * (0.5 + 0.5 * r.nextDouble());
        corner(-w, -h, 0.03, r);
        corner(w, -h, 0.03, r);
        corner(w, h, 0.03, r);
        corner(-w, h, 0.03, r);
        endStroke(true);
    }

    /** A triangle, roughly equilateral, one corner up before turning. */
    private void triangle(SplittableRandom r) {
        for (int k = 0; k < 3; k++) {
            double a = Math.toRadians(-90 + 120 * k + 12 * (2 * r.nextDouble() - 1));
            double radius = 0.5 * (0.88 + 0.24 * r.nextDouble());
            corner(radius * Math.cos(a), radius * Math.sin(a), 0, r);
        }
        endStroke(true);
    }

    /** Two strokes crossing near their middles, 70-110 degrees apart. */
    private void cross(SplittableRandom r) {
        double first = 0.5 * (0.8 + 0.2 * r.nextDouble());
        double shift = 0.08 * (2 * r.nextDouble() - 1);
        corner(-first + shift, 0, 0.02, r);
        corner(first + shift, 0, 0.02, r);
        endStroke(false);
        double a = Math.toRadians(90 + 20 * (2 * r.nextDouble() - 1));
        double second = 0.5 * (0.8 + 0.2 * r.nextDouble());
        double along = 0.08 * (2 * r.nextDouble() - 1);
        corner((along - second) * Math.cos(a), (along - second) * Math.sin(a), 0.02, r);
        corner((along + second) * Math.cos(a), (along + second) * Math.sin(a), 0.02, r);
        endStroke(false);
    }

    /** The outline of a five-pointed star: five tips and the five notches between them. */
    private void star(SplittableRandom r) {
        double inner = 0.38 + 0.14 * r.nextDouble();
        for (int k = 0; k < 10; k++) {
            double a = Math.toRadians(-90 + 36 * k + 4 * (2 * r.nextDouble() - 1));
            double radius = 0.5 * (k % 2 == 0 ? 0.94 + 0.12 * r.nextDouble() : inner * (0.9 + 0.2 * r.nextDouble()));
            corner(radius * Math.cos(a), radius * Math.sin(a), 0, r);
        }
        endStroke(true);
    }
}
