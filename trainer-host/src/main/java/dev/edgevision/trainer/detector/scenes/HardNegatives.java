package dev.edgevision.trainer.detector.scenes;

import dev.edgevision.trainer.detector.labels.LabelledBox;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Marks that real pages have and that are not digits, drawn with the digits' pens and inks and
 * kept clear of the digits' boxes, so the detector learns to leave them alone: circles, rings and
 * ovals (a drawn circle is not a zero), bullets, check boxes (some ticked), short arrows,
 * underlines, crossings-out, the letters most like digits (O o I l S B Z g q), geometric shapes
 * (squares, triangles, stars) and straight strokes of a digit's length slanted at least 25 degrees
 * from upright (a stroke closer to upright is how many people write a 1). Unlike {@link Distractors}, which leaves digit-like shapes out on
 * purpose, these are the shapes a detector confuses with digits.
 */
final class HardNegatives {
    /** Number of kinds. */
    static final int KINDS = 13;
    private static final String LETTERS = "OoIlSBZgq";
    private static final int TRIES = 8;
    private static final double CLEARANCE = 5;
    private final double[] points = new double[2 * 160];
    private final int[] strokeEnds = new int[8];
    private int strokes;

    void draw(Canvas canvas, Pen pen, EdgeProfile profile, SplittableRandom random, int max, List<LabelledBox> digits) {
        int count = max == 0 ? 0 : random.nextInt(max + 1);
        for (int i = 0; i < count; i++) {
            Ink ink = Ink.random(random);
            int kind = random.nextInt(KINDS);
            double size = 18 + 110 * random.nextDouble() * random.nextDouble();
            double thickness = Math.max(1.5, size * 0.04 * Math.pow(4, random.nextDouble()));
            for (int attempt = 0; attempt < TRIES; attempt++) {
                double x = canvas.width() * random.nextDouble();
                double y = canvas.height() * random.nextDouble();
                double angle = Math.toRadians(40 * random.nextDouble() - 20);
                int n = shape(kind, size, x, y, angle, random);
                if (Distractors.clearOf(points, n, thickness / 2 + 3 * profile.spread() + CLEARANCE, digits)) {
                    pen.begin(canvas.width(), canvas.height());
                    int start = 0;
                    for (int s = 0; s < strokes; s++) {
                        int end = strokeEnds[s];
                        if (end - start == 2) {
                            pen.line(points[start], points[start + 1], points[start], points[start + 1],
                                    kind == 3 ? size * 0.25 : thickness, profile);
                        } else {
                            pen.polyline(java.util.Arrays.copyOfRange(points, start, end), end - start, thickness,
                                    profile);
                        }
                        start = end;
                    }
                    pen.finish(canvas, ink);
                    break;
                }
            }
        }
    }

    /** Fills the points and strokes of one mark of {@code kind}, {@code size} px, at (x, y); returns the coordinate count. */
    int shape(int kind, double size, double x, double y, double angle, SplittableRandom r) {
        strokes = 0;
        int n = 0;
        double h = size;
        switch (kind) {
            case 0 -> n = ellipse(n, 0, 0, h / 2 * (0.85 + 0.3 * r.nextDouble()), h / 2, r);
            case 1 -> {
                n = ellipse(n, 0, 0, h / 2, h / 2, r);
                n = ellipse(n, 0, 0, h / 3, h / 3, r);
            }
            case 2 -> n = ellipse(n, 0, 0, h * (0.8 + 0.7 * r.nextDouble()), h / 2 * (0.5 + 0.3 * r.nextDouble()), r);
            case 3 -> n = end(put(n, 0, 0));
            case 4 -> {
                n = end(rectangle(n, -h / 2, -h / 2, h, h));
                if (r.nextBoolean()) {
                    n = put(n, -h * 0.3, 0);
                    n = put(n, -h * 0.05, h * 0.3);
                    n = end(put(n, h * 0.55, -h * 0.6));
                }
            }
            case 5 -> {
                double len = h * (1.2 + r.nextDouble());
                n = end(put(put(n, -len / 2, 0), len / 2, 0));
                n = end(put(put(put(n, len / 2 - h * 0.3, -h * 0.2), len / 2, 0), len / 2 - h * 0.3, h * 0.2));
            }
            case 6 -> {
                double len = h * (2 + 3 * r.nextDouble());
                n = end(put(put(n, -len / 2, 0), len / 2, h * 0.05 * r.nextGaussian()));
            }
            case 7 -> {
                double len = h * (1 + 2 * r.nextDouble());
                int zigs = 2 + r.nextInt(5);
                for (int k = 0; k <= zigs; k++) {
                    n = put(n, -len / 2 + len * k / zigs, (k % 2 == 0 ? -1 : 1) * h * 0.25);
                }
                n = end(n);
            }
            case 8, 9 -> n = letter(n, LETTERS.charAt(r.nextInt(LETTERS.length())), h, r);
            case 10 -> n = end(rectangle(n, -h / 2, -h * 0.4, h, h * 0.8));
            case 11 -> n = r.nextBoolean() ? triangle(n, h) : star(n, h);
            default -> {
                double len = h * (0.7 + 0.9 * r.nextDouble());
                double tilt = Math.toRadians((45 + 45 * r.nextDouble()) * (r.nextBoolean() ? 1 : -1));
                double dx = Math.sin(tilt) * len / 2;
                double dy = Math.cos(tilt) * len / 2;
                n = end(put(put(n, -dx, -dy), dx, dy));
            }
        }
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

    /** The points of the last shape. */
    double[] points() {
        return points;
    }

    private int letter(int n, char c, double h, SplittableRandom r) {
        double w = h * 0.55;
        switch (c) {
            case 'O' -> n = ellipse(n, 0, 0, w * 0.6, h / 2, r);
            case 'o' -> n = ellipse(n, 0, h * 0.22, w * 0.45, h * 0.27, r);
            case 'I' -> {
                n = end(put(put(n, 0, -h / 2), 0, h / 2));
                n = end(put(put(n, -w * 0.3, -h / 2), w * 0.3, -h / 2));
                n = end(put(put(n, -w * 0.3, h / 2), w * 0.3, h / 2));
            }
            case 'l' -> n = end(put(put(put(n, 0, -h / 2), -w * 0.02, h * 0.4), w * 0.3, h / 2));
            case 'S' -> n = end(arc(arc(n, 0, -h / 4, w / 2, h / 4, -0.1 * Math.PI, -1.5 * Math.PI),
                    0, h / 4, w / 2, h / 4, -0.5 * Math.PI, 0.9 * Math.PI));
            case 'B' -> {
                n = end(put(put(n, -w / 2, -h / 2), -w / 2, h / 2));
                n = end(arc(put(n, -w / 2, -h / 2), -w / 2, -h / 4, w * 0.8, h / 4, -0.5 * Math.PI, 0.5 * Math.PI));
                n = end(put(arc(n, -w / 2, h / 4, w, h / 4, -0.5 * Math.PI, 0.5 * Math.PI), -w / 2, h / 2));
            }
            case 'Z' -> n = end(put(put(put(put(n, -w / 2, -h / 2), w / 2, -h / 2), -w / 2, h / 2), w / 2, h / 2));
            case 'g', 'q' -> {
                n = ellipse(n, 0, -h * 0.15, w * 0.45, h * 0.25, r);
                n = put(put(n, w * 0.45, -h * 0.3), w * 0.45, h * 0.4);
                n = end(c == 'g' ? put(n, -w * 0.3, h * 0.5) : put(n, w * 0.65, h * 0.3));
            }
            default -> throw new IllegalArgumentException("no hard negative for letter " + c);
        }
        return n;
    }

    private int ellipse(int n, double cx, double cy, double rx, double ry, SplittableRandom r) {
        double start = 2 * Math.PI * r.nextDouble();
        double overshoot = 0.15 * r.nextDouble();
        double wobble = 0.04 * r.nextDouble();
        int steps = 36;
        for (int i = 0; i <= steps; i++) {
            double a = start + 2 * Math.PI * (1 + overshoot) * i / steps;
            double k = 1 + wobble * Math.sin(3 * a + start);
            n = put(n, cx + rx * k * Math.cos(a), cy + ry * k * Math.sin(a));
        }
        return end(n);
    }

    private int arc(int n, double cx, double cy, double rx, double ry, double from, double to) {
        int steps = 14;
        for (int i = 0; i <= steps; i++) {
            double a = from + (to - from) * i / steps;
            n = put(n, cx + rx * Math.cos(a), cy + ry * Math.sin(a));
        }
        return n;
    }

    private int rectangle(int n, double x, double y, double w, double h) {
        return put(put(put(put(put(n, x, y), x + w, y), x + w, y + h), x, y + h), x, y);
    }

    private int triangle(int n, double h) {
        return end(put(put(put(put(n, 0, -h / 2), h / 2, h / 2), -h / 2, h / 2), 0, -h / 2));
    }

    private int star(int n, double h) {
        for (int i = 0; i <= 5; i++) {
            double a = -Math.PI / 2 + i * 4 * Math.PI / 5;
            n = put(n, h / 2 * Math.cos(a), h / 2 * Math.sin(a));
        }
        return end(n);
    }

    private int put(int at, double px, double py) {
        points[at] = px;
        points[at + 1] = py;
        return at + 2;
    }

    private int end(int n) {
        strokeEnds[strokes++] = n;
        return n;
    }
}
