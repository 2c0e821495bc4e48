package dev.edgevision.trainer.detector.scenes.sets;

import dev.edgevision.trainer.detector.labels.LabelledBox;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.util.SplittableRandom;

/**
 * The page of a font scene, drawn with Java2D paints: a paper tone with a linear gradient, blue
 * or grey rules (lined or squared) and sometimes the page's edge with a desk beyond it. Remembers
 * the page's edge so digits are put on the page only.
 */
final class FontPage {
    private static final Color[] DESKS = {new Color(92, 58, 30), new Color(60, 60, 62), new Color(25, 25, 28),
        new Color(150, 120, 80), new Color(185, 185, 180)};
    /** The page is where nx * x + ny * y >= c. */
    private double nx;
    private double ny;
    private double c;

    void draw(Graphics2D g, int w, int h, SplittableRandom random) {
        int base = 200 + random.nextInt(50);
        Color paper = new Color(base + random.nextInt(6) - 3, base + random.nextInt(6) - 3, Math.max(0, base - random.nextInt(20)));
        Color shade = paper.darker();
        g.setPaint(new GradientPaint((float) (w * random.nextDouble()), 0, paper, (float) (w * random.nextDouble()), h,
                random.nextDouble() < 0.6 ? shade : paper));
        g.fillRect(0, 0, w, h);
        double kind = random.nextDouble();
        if (kind < 0.35) {
            rules(g, w, h, random, kind < 0.1);
        }
        nx = 0;
        ny = 0;
        c = Double.NEGATIVE_INFINITY;
        if (random.nextDouble() < 0.25) {
            edge(g, w, h, random);
        }
    }

    private static void rules(Graphics2D g, int w, int h, SplittableRandom random, boolean squared) {
        float spacing = 18 + 20 * (float) random.nextDouble();
        g.setColor(random.nextBoolean() ? new Color(120, 150, 210, 150) : new Color(130, 130, 130, 120));
        g.setStroke(new BasicStroke(0.8f + (float) random.nextDouble()));
        double tilt = 0.03 * (random.nextDouble() - 0.5);
        for (float y = (float) (spacing * random.nextDouble()) - spacing * 4; y < h + spacing * 4; y += spacing) {
            g.draw(new Line2D.Double(0, y, w, y + tilt * w));
        }
        if (squared) {
            for (float x = (float) (spacing * random.nextDouble()) - spacing * 4; x < w + spacing * 4; x += spacing) {
                g.draw(new Line2D.Double(x, 0, x - tilt * h, h));
            }
        }
    }

    /** A straight page edge 5-20 % into the frame from one side; the desk fills the rest. */
    private void edge(Graphics2D g, int w, int h, SplittableRandom random) {
        int side = random.nextInt(4);
        double angle = side * Math.PI / 2 + 0.3 * (random.nextDouble() - 0.5);
        nx = Math.cos(angle);
        ny = Math.sin(angle);
        double depth = (side % 2 == 0 ? w : h) * (0.05 + 0.15 * random.nextDouble());
        double ax = side == 0 ? depth : side == 2 ? w - depth : w / 2.0;
        double ay = side == 1 ? depth : side == 3 ? h - depth : h / 2.0;
        c = nx * ax + ny * ay;
        double big = 4.0 * (w + h);
        double tx = -ny;
        double ty = nx;
        Path2D desk = new Path2D.Double();
        desk.moveTo(ax + tx * big, ay + ty * big);
        desk.lineTo(ax - tx * big, ay - ty * big);
        desk.lineTo(ax - tx * big - nx * big, ay - ty * big - ny * big);
        desk.lineTo(ax + tx * big - nx * big, ay + ty * big - ny * big);
        desk.closePath();
        g.setPaint(DESKS[random.nextInt(DESKS.length)]);
        g.fill(desk);
    }

    /** Whether all of {@code box} lies on the page, 3 px clear of its edge. */
    boolean holds(LabelledBox box) {
        return on(box.x1(), box.y1()) && on(box.x2(), box.y1()) && on(box.x1(), box.y2()) && on(box.x2(), box.y2());
    }

    private boolean on(double x, double y) {
        return nx * x + ny * y - c >= 3;
    }
}
