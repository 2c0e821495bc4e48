package dev.edgevision.trainer.detector.scenes.sets;

import dev.edgevision.trainer.detector.labels.LabelledBox;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.GeneralPath;
import java.awt.geom.Line2D;
import java.awt.geom.QuadCurve2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Marks on a font scene's page that are not digits, kept clear of the digits: short words in the
 * scene's font made only of letters that do not look like digits, long lines and curves, flat
 * ellipses and crosses.
 */
final class FontMarks {
    private static final String LETTERS = "acdehkmnruvwxy";
    private static final int TRIES = 8;

    /** A shape to fill (a word) or to stroke (a figure). */
    private record Mark(Shape shape, boolean filled) {
    }

    private FontMarks() {
    }

    /** A dark ink: blue or black pen, or pencil grey (translucent). */
    static Color ink(SplittableRandom random) {
        double kind = random.nextDouble();
        if (kind < 0.4) {
            return new Color(20 + random.nextInt(30), 30 + random.nextInt(30), 110 + random.nextInt(50));
        }
        if (kind < 0.8) {
            int v = 10 + random.nextInt(35);
            return new Color(v, v, v);
        }
        int v = 50 + random.nextInt(40);
        return new Color(v, v, v + 5, 150 + random.nextInt(80));
    }

    static void draw(Graphics2D g, Font font, int w, int h, SplittableRandom random, List<LabelledBox> digits) {
        int count = random.nextInt(5);
        for (int i = 0; i < count; i++) {
            Color ink = ink(random);
            float width = 1 + 4 * (float) random.nextDouble();
            for (int attempt = 0; attempt < TRIES; attempt++) {
                Mark mark = mark(g, font, random, w * random.nextDouble(), h * random.nextDouble());
                Rectangle2D bounds = mark.shape().getBounds2D();
                if (digits.stream().noneMatch(d -> near(bounds, d, width + 6))) {
                    g.setColor(ink);
                    g.setStroke(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                    if (mark.filled()) {
                        g.fill(mark.shape());
                    } else {
                        g.draw(mark.shape());
                    }
                    break;
                }
            }
        }
    }

    /** A word or a figure at (x, y). */
    private static Mark mark(Graphics2D g, Font font, SplittableRandom random, double x, double y) {
        double angle = Math.PI * (random.nextDouble() - 0.5);
        AffineTransform at = AffineTransform.getTranslateInstance(x, y);
        at.rotate(angle);
        switch (random.nextInt(5)) {
            case 0 -> {
                StringBuilder word = new StringBuilder();
                int letters = 3 + random.nextInt(4);
                for (int k = 0; k < letters; k++) {
                    word.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
                }
                Shape text = FontScenes.outline(g, font, word.toString(), 20 + 40 * random.nextDouble(),
                        0.3 * (random.nextDouble() - 0.5), 0);
                return new Mark(AffineTransform.getTranslateInstance(x, y).createTransformedShape(text), true);
            }
            case 1 -> {
                double length = 150 + 300 * random.nextDouble();
                return new Mark(at.createTransformedShape(new Line2D.Double(-length / 2, 0, length / 2, 0)), false);
            }
            case 2 -> {
                double length = 150 + 300 * random.nextDouble();
                return new Mark(at.createTransformedShape(new QuadCurve2D.Double(-length / 2, 0, 0,
                        (random.nextDouble() - 0.5) * length * 0.5, length / 2, 0)), false);
            }
            case 3 -> {
                double width = 120 + 200 * random.nextDouble();
                return new Mark(at.createTransformedShape(new Ellipse2D.Double(-width / 2, -width / 8, width, width / 4)), false);
            }
            default -> {
                double size = 15 + 30 * random.nextDouble();
                GeneralPath cross = new GeneralPath();
                cross.moveTo(-size / 2, -size / 2);
                cross.lineTo(size / 2, size / 2);
                cross.moveTo(size / 2, -size / 2);
                cross.lineTo(-size / 2, size / 2);
                return new Mark(at.createTransformedShape(cross), false);
            }
        }
    }

    private static boolean near(Rectangle2D bounds, LabelledBox d, double margin) {
        return bounds.getMinX() - margin < d.x2() && d.x1() < bounds.getMaxX() + margin
                && bounds.getMinY() - margin < d.y2() && d.y1() < bounds.getMaxY() + margin;
    }
}
