package dev.edgevision.trainer.report;

import dev.edgevision.trainer.detector.eval.PredictedBox;
import dev.edgevision.trainer.detector.labels.LabelledBox;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Locale;

/**
 * Draws an example frame with its boxes for the report, scaled down to at most {@link #MAX_WIDTH}
 * pixels wide: true boxes as thin green frames, detections as thicker magenta frames with a
 * "label score" tag, so the two stay apart where they coincide.
 */
final class BoxOverlay {
    static final int MAX_WIDTH = 480;
    static final Color TRUTH = new Color(0x2c, 0xa0, 0x2c);
    static final Color PREDICTED = new Color(0xd6, 0x27, 0xb0);

    private BoxOverlay() {
    }

    static BufferedImage draw(ExampleFrame example) {
        BufferedImage source = example.image();
        double scale = Math.min(1, (double) MAX_WIDTH / source.getWidth());
        int w = (int) Math.round(source.getWidth() * scale);
        int h = (int) Math.round(source.getHeight() * scale);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(source, 0, 0, w, h, null);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(TRUTH);
        g.setStroke(new BasicStroke(1f));
        for (LabelledBox t : example.truth()) {
            rect(g, t.x1() * scale, t.y1() * scale, t.x2() * scale, t.y2() * scale);
        }
        g.setStroke(new BasicStroke(2f));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 11));
        FontMetrics metrics = g.getFontMetrics();
        for (PredictedBox p : example.predicted()) {
            g.setColor(PREDICTED);
            rect(g, p.x1() * scale, p.y1() * scale, p.x2() * scale, p.y2() * scale);
            String tag = p.label() + " " + String.format(Locale.ROOT, "%.2f", p.score());
            int tx = (int) Math.round(p.x1() * scale);
            int ty = (int) Math.max(metrics.getAscent(), Math.round(p.y1() * scale) - 2);
            g.fillRect(tx, ty - metrics.getAscent(), metrics.stringWidth(tag) + 4, metrics.getHeight());
            g.setColor(Color.WHITE);
            g.drawString(tag, tx + 2, ty);
        }
        g.dispose();
        return out;
    }

    private static void rect(Graphics2D g, double x1, double y1, double x2, double y2) {
        int left = (int) Math.round(x1);
        int top = (int) Math.round(y1);
        g.drawRect(left, top, Math.max(1, (int) Math.round(x2) - left - 1), Math.max(1, (int) Math.round(y2) - top - 1));
    }
}
