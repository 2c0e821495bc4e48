package dev.edgevision.trainer.detector.scenes.sets;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/**
 * Measures where a glyph's ink falls: the shape is filled (and outlined, if bold) into a grey mask
 * exactly as it will be on the page, then the box of the pixels it covers at least half of is read
 * off. Moving the shape by whole pixels moves its coverage by the same, so the box holds wherever
 * the glyph is put.
 */
final class GlyphMask {
    private static final int PAD = 4;
    private BufferedImage image = new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_GRAY);
    private Shape shape;
    private int boxLeft;
    private int boxTop;
    private int boxRight;
    private int boxBottom;

    /** Draws {@code glyph} (any position) with an outline stroke of {@code bold} px (0: none); false if nothing shows. */
    boolean measure(Shape glyph, float bold) {
        Rectangle2D bounds = glyph.getBounds2D();
        int margin = PAD + (int) Math.ceil(bold);
        int w = (int) Math.ceil(bounds.getWidth()) + 2 * margin + 2;
        int h = (int) Math.ceil(bounds.getHeight()) + 2 * margin + 2;
        if (image.getWidth() < w || image.getHeight() < h) {
            image = new BufferedImage(Math.max(w, image.getWidth()), Math.max(h, image.getHeight()), BufferedImage.TYPE_BYTE_GRAY);
        }
        shape = AffineTransform.getTranslateInstance(margin - Math.floor(bounds.getMinX()), margin - Math.floor(bounds.getMinY()))
                .createTransformedShape(glyph);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.BLACK);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setColor(Color.WHITE);
        g.fill(shape);
        if (bold > 0) {
            g.setStroke(new BasicStroke(bold, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(shape);
        }
        g.dispose();
        return box(w, h);
    }

    private boolean box(int w, int h) {
        byte[] pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        int stride = image.getWidth();
        boxLeft = w;
        boxTop = h;
        boxRight = -1;
        boxBottom = -1;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if ((pixels[y * stride + x] & 0xFF) >= 128) {
                    boxLeft = Math.min(boxLeft, x);
                    boxRight = Math.max(boxRight, x);
                    boxTop = Math.min(boxTop, y);
                    boxBottom = Math.max(boxBottom, y);
                }
            }
        }
        return boxRight >= 0;
    }

    /** The glyph as measured, in mask pixels. */
    Shape shape() {
        return shape;
    }

    int boxLeft() {
        return boxLeft;
    }

    int boxTop() {
        return boxTop;
    }

    int boxWidth() {
        return boxRight - boxLeft + 1;
    }

    int boxHeight() {
        return boxBottom - boxTop + 1;
    }
}
