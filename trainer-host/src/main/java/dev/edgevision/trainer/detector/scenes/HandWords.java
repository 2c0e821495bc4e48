package dev.edgevision.trainer.detector.scenes;

import dev.edgevision.trainer.detector.labels.LabelledBox;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Handwritten words as hard negatives: runs of two to seven letters, lower case with now and then
 * a capital first, written close enough that neighbours touch, on a slanted and slightly tilted
 * baseline, each point of each letter a little off its ideal place. Pages of notes carry far more
 * letters than digits, and several of them (S, B, Z, O, q, g, l) are a stroke away from one; drawn
 * alone in {@link HardNegatives} they are too tidy to stand for a hand. Words are kept clear of the
 * digits' boxes and never labelled.
 *
 * <p>Letters are stroke lists in a unit em: baseline at 0, x-height at -1, ascenders and capitals
 * at -1.8, descenders down to 0.8 (y grows downwards, as in the frame). The table is built once; a
 * layout allocates only its strokes' small coordinate arrays.
 */
final class HandWords {
    /** Letters a word is made of; the capitals only start a word. */
    static final String LOWER = "abcdeghklmnopqrstuvwxyz";
    static final String UPPER = "SBZODEPRAG";
    /** The letters most like digits, as {@link #lookalikeWord} uses them. */
    static final String LOOKALIKE = "SBZOIlosbzgq";
    private static final Map<Character, Letter> LETTERS = letters();
    private static final int TRIES = 6;
    private static final double CLEARANCE = 5;
    private final double[] corners = new double[4];
    private final List<double[]> strokes = new ArrayList<>();

    /** One letter: strokes as u0, v0, u1, v1, ... in the unit em, and how far the pen moves on after it. */
    record Letter(double[][] strokes, double advance) {
    }

    /**
     * Draws up to {@code max} words (none when 0) in free places: kept clear of {@code digits}. A share
     * {@code lookalike} of them are {@link #lookalikeWord} words, written larger.
     */
    void draw(Canvas canvas, Pen pen, EdgeProfile profile, SplittableRandom random, int max, double lookalike,
            List<LabelledBox> digits) {
        int count = max == 0 ? 0 : random.nextInt(max + 1);
        for (int i = 0; i < count; i++) {
            Ink ink = Ink.random(random);
            boolean alike = lookalike > 0 && random.nextDouble() < lookalike;
            double xHeight = alike ? 10 + 25 * random.nextDouble() : 7 + 30 * random.nextDouble() * random.nextDouble();
            double thickness = Math.max(1.4, xHeight * 0.09 * Math.pow(3, random.nextDouble()));
            String word = alike ? lookalikeWord(random) : word(random);
            for (int attempt = 0; attempt < TRIES; attempt++) {
                double x = canvas.width() * random.nextDouble();
                double y = canvas.height() * random.nextDouble();
                layOut(word, xHeight, x, y, random);
                if (clearOf(thickness / 2 + 3 * profile.spread() + CLEARANCE, digits)) {
                    pen.begin(canvas.width(), canvas.height());
                    for (double[] s : strokes) {
                        if (s.length == 2) {
                            pen.line(s[0], s[1], s[0], s[1], thickness * 1.3, profile);
                        } else {
                            pen.polyline(s, s.length, thickness, profile);
                        }
                    }
                    pen.finish(canvas, ink);
                    break;
                }
            }
        }
    }

    /** A word of two to seven letters; one in five starts with a capital. */
    static String word(SplittableRandom random) {
        int length = 2 + random.nextInt(6);
        StringBuilder b = new StringBuilder(length);
        if (random.nextInt(5) == 0) {
            b.append(UPPER.charAt(random.nextInt(UPPER.length())));
        }
        while (b.length() < length) {
            b.append(LOWER.charAt(random.nextInt(LOWER.length())));
        }
        return b.toString();
    }

    /**
     * A word of one to four of the letters most like digits ({@link #LOOKALIKE}), each upper or lower
     * case as it comes: what a page of notes writes beside its numbers ("SO", "Bl", "q").
     */
    static String lookalikeWord(SplittableRandom random) {
        int length = 1 + random.nextInt(4);
        StringBuilder b = new StringBuilder(length);
        while (b.length() < length) {
            b.append(LOOKALIKE.charAt(random.nextInt(LOOKALIKE.length())));
        }
        return b.toString();
    }

    /**
     * Lays {@code word} out with its first baseline point at ({@code x}, {@code y}), x-height
     * {@code xHeight} px, into {@link #strokes} (frame pixels): a slant of -10 to +25 degrees, a
     * baseline tilt of up to 8 degrees, letters 0.8-1.05 of their advance apart (so they touch), and
     * every point moved by up to 6 % of the x-height.
     */
    List<double[]> layOut(String word, double xHeight, double x, double y, SplittableRandom r) {
        strokes.clear();
        double slant = Math.tan(Math.toRadians(-10 + 35 * r.nextDouble()));
        double tilt = Math.toRadians(16 * r.nextDouble() - 8);
        double cos = Math.cos(tilt);
        double sin = Math.sin(tilt);
        double wobble = 0.06;
        double stretch = 0.85 + 0.35 * r.nextDouble();
        double pen = 0;
        for (int k = 0; k < word.length(); k++) {
            Letter letter = LETTERS.get(word.charAt(k));
            for (double[] unit : letter.strokes()) {
                double[] s = new double[unit.length];
                for (int i = 0; i < unit.length; i += 2) {
                    double v = unit[i + 1] + wobble * (2 * r.nextDouble() - 1);
                    double u = pen + unit[i] * stretch + wobble * (2 * r.nextDouble() - 1) - slant * v;
                    double px = u * xHeight;
                    double py = v * xHeight;
                    s[i] = x + cos * px - sin * py;
                    s[i + 1] = y + sin * px + cos * py;
                }
                strokes.add(s);
            }
            pen += letter.advance() * stretch * (0.8 + 0.25 * r.nextDouble());
        }
        return strokes;
    }

    /** Whether the last layout's bounding box, grown by {@code grow}, keeps clear of every box. */
    private boolean clearOf(double grow, List<LabelledBox> boxes) {
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (double[] s : strokes) {
            for (int i = 0; i < s.length; i += 2) {
                minX = Math.min(minX, s[i]);
                maxX = Math.max(maxX, s[i]);
                minY = Math.min(minY, s[i + 1]);
                maxY = Math.max(maxY, s[i + 1]);
            }
        }
        corners[0] = minX;
        corners[1] = minY;
        corners[2] = maxX;
        corners[3] = maxY;
        return Distractors.clearOf(corners, 4, grow, boxes);
    }

    /** The letter table, built once. */
    static Map<Character, Letter> letters() {
        Map<Character, Letter> m = new HashMap<>();
        double[] bowl = ring(0.4, -0.5, 0.4, 0.5, -0.1 * Math.PI, 2.0);
        m.put('o', letter(0.95, ring(0.42, -0.5, 0.42, 0.5, -0.4 * Math.PI, 2.05)));
        m.put('a', letter(1.0, bowl, line(0.8, -1, 0.82, -0.1, 0.92, 0)));
        m.put('c', letter(0.85, arc(0.42, -0.5, 0.42, 0.5, -0.2 * Math.PI, -1.8 * Math.PI)));
        m.put('e', letter(0.9, join(line(0.05, -0.5, 0.84, -0.5), arc(0.44, -0.5, 0.4, 0.5, 0, -1.75 * Math.PI))));
        m.put('d', letter(1.0, bowl, line(0.8, -1.8, 0.8, 0)));
        m.put('b', letter(0.95, line(0, -1.8, 0, 0), ring(0.4, -0.5, 0.4, 0.5, Math.PI, 2.0)));
        m.put('g', letter(1.0, bowl, join(line(0.8, -1, 0.8, 0.4), arc(0.45, 0.4, 0.35, 0.4, 0, 0.9 * Math.PI))));
        m.put('q', letter(1.0, bowl, line(0.8, -1, 0.8, 0.8, 1.0, 0.6)));
        m.put('p', letter(0.95, line(0, -1, 0, 0.8), ring(0.42, -0.5, 0.4, 0.5, Math.PI, 2.0)));
        m.put('h', letter(0.95, line(0, -1.8, 0, 0), hump(0, 0.8)));
        m.put('n', letter(0.95, line(0, -1, 0, 0), hump(0, 0.8)));
        m.put('m', letter(1.35, line(0, -1, 0, 0), hump(0, 0.6), hump(0.6, 0.6)));
        m.put('r', letter(0.7, line(0, -1, 0, 0), arc(0.35, -0.55, 0.35, 0.4, Math.PI, 1.75 * Math.PI)));
        m.put('u', letter(0.95, join(line(0, -1, 0, -0.4), arc(0.4, -0.4, 0.4, 0.4, Math.PI, 0)), line(0.8, -1, 0.82, 0)));
        m.put('v', letter(0.9, line(0, -1, 0.4, 0, 0.8, -1)));
        m.put('w', letter(1.25, line(0, -1, 0.28, 0, 0.55, -0.7, 0.82, 0, 1.1, -1)));
        m.put('x', letter(0.9, line(0, -1, 0.8, 0), line(0.8, -1, 0, 0)));
        m.put('y', letter(0.9, line(0, -1, 0.4, 0), line(0.8, -1, 0.15, 0.8)));
        m.put('z', letter(0.9, line(0, -1, 0.8, -1, 0, 0, 0.8, 0)));
        m.put('k', letter(0.85, line(0, -1.8, 0, 0), line(0.7, -1, 0, -0.4, 0.75, 0)));
        m.put('l', letter(0.45, line(0.1, -1.8, 0.08, -0.15, 0.3, 0)));
        m.put('t', letter(0.65, line(0.25, -1.6, 0.25, -0.1, 0.5, 0), line(0, -1, 0.6, -1)));
        m.put('s', letter(0.8, join(arc(0.38, -0.75, 0.35, 0.25, -0.1 * Math.PI, -1.5 * Math.PI),
                arc(0.38, -0.25, 0.35, 0.25, -0.5 * Math.PI, 0.9 * Math.PI))));
        m.put('S', letter(1.1, join(arc(0.5, -1.35, 0.45, 0.45, -0.1 * Math.PI, -1.5 * Math.PI),
                arc(0.5, -0.45, 0.45, 0.45, -0.5 * Math.PI, 0.9 * Math.PI))));
        m.put('B', letter(1.05, line(0, -1.8, 0, 0), join(line(0, -1.8, 0.3, -1.8), arc(0.3, -1.35, 0.5, 0.45, -0.5 * Math.PI,
                0.5 * Math.PI), arc(0.3, -0.45, 0.6, 0.45, -0.5 * Math.PI, 0.5 * Math.PI), line(0.3, 0, 0, 0))));
        m.put('Z', letter(1.1, line(0, -1.8, 1, -1.8, 0, 0, 1, 0)));
        m.put('O', letter(1.25, ring(0.55, -0.9, 0.55, 0.9, -0.45 * Math.PI, 2.05)));
        m.put('D', letter(1.15, line(0, -1.8, 0, 0), join(line(0, -1.8, 0.3, -1.8), arc(0.3, -0.9, 0.65, 0.9, -0.5 * Math.PI,
                0.5 * Math.PI), line(0.3, 0, 0, 0))));
        m.put('E', letter(0.95, line(0.85, -1.8, 0, -1.8, 0, 0, 0.85, 0), line(0, -0.9, 0.65, -0.9)));
        m.put('P', letter(1.0, line(0, 0, 0, -1.8), join(line(0, -1.8, 0.3, -1.8), arc(0.3, -1.35, 0.5, 0.45, -0.5 * Math.PI,
                0.5 * Math.PI), line(0.3, -0.9, 0, -0.9))));
        m.put('R', letter(1.05, line(0, 0, 0, -1.8), join(line(0, -1.8, 0.3, -1.8), arc(0.3, -1.35, 0.5, 0.45, -0.5 * Math.PI,
                0.5 * Math.PI), line(0.3, -0.9, 0, -0.9, 0.85, 0))));
        m.put('I', letter(0.7, line(0.3, -1.8, 0.3, 0), line(0, -1.8, 0.6, -1.8), line(0, 0, 0.6, 0)));
        m.put('A', letter(1.15, line(0, 0, 0.5, -1.8, 1, 0), line(0.2, -0.7, 0.8, -0.7)));
        m.put('G', letter(1.2, join(arc(0.6, -0.9, 0.6, 0.9, -0.2 * Math.PI, -1.95 * Math.PI), line(1.2, -0.8, 0.65, -0.8))));
        return Map.copyOf(m);
    }

    private static Letter letter(double advance, double[]... strokes) {
        return new Letter(strokes, advance);
    }

    private static double[] line(double... uv) {
        return uv;
    }

    /** An arc of the ellipse about (cx, cy) from angle {@code from} to {@code to} (radians, y down). */
    private static double[] arc(double cx, double cy, double rx, double ry, double from, double to) {
        int steps = Math.max(4, (int) Math.ceil(Math.abs(to - from) / (Math.PI / 10)));
        double[] s = new double[2 * (steps + 1)];
        for (int i = 0; i <= steps; i++) {
            double a = from + (to - from) * i / steps;
            s[2 * i] = cx + rx * Math.cos(a);
            s[2 * i + 1] = cy + ry * Math.sin(a);
        }
        return s;
    }

    /** A loop from angle {@code start} round by {@code halfTurns} times pi, against the clock on the page (2 closes it; more overshoots). */
    private static double[] ring(double cx, double cy, double rx, double ry, double start, double halfTurns) {
        return arc(cx, cy, rx, ry, start, start - Math.PI * halfTurns);
    }

    /** The arch of n, h and m: up from the stem at {@code left}, over, and down to the baseline. */
    private static double[] hump(double left, double width) {
        double r = width / 2;
        return join(arc(left + r, -0.6, r, 0.4, Math.PI, 2 * Math.PI), line(left + width, -0.6, left + width, 0));
    }

    private static double[] join(double[]... parts) {
        int n = 0;
        for (double[] p : parts) {
            n += p.length;
        }
        double[] s = new double[n];
        int at = 0;
        for (double[] p : parts) {
            System.arraycopy(p, 0, s, at, p.length);
            at += p.length;
        }
        return s;
    }
}
