package dev.edgevision.trainer.detector.scenes;

/**
 * One digit redrawn with a pen along its glyph's centre lines, at its size and angle, as ink
 * coverage (0..1) over a small local area seen through the scene's {@link EdgeProfile}; and the
 * tight box of the pixels within half a pen width of a centre line (the pixels the sharp ink covers
 * at least half of). A glyph with solid-filled parts ({@link GlyphSkeleton#filled()}) is drawn by
 * its own outline instead, as a marker would, and its box is that of the ink inside the outline.
 * The coverage array grows to the largest digit and is reused.
 */
final class DigitRaster {
    private final GlyphSkeleton skeleton = new GlyphSkeleton();
    private float[] coverage = new float[0];
    private int width;
    private int height;
    private int boxLeft;
    private int boxTop;
    private int boxRight;
    private int boxBottom;

    /**
     * Draws {@code glyph} so that its ink, upright, is {@code inkHeight} pixels tall with strokes
     * {@code pen} pixels wide, turned by {@code angle} radians, its centre a fraction
     * ({@code phaseX}, {@code phaseY}) of a pixel off the local area's centre.
     *
     * @return false if the glyph has no stroke to draw
     */
    boolean draw(GlyphBank glyphs, int glyph, double inkHeight, double pen, double angle, EdgeProfile profile,
            double phaseX, double phaseY) {
        float half = (float) (pen / 2);
        float reach = half + 3 * profile.spread() + 1;
        int margin = 1 + (int) Math.ceil(reach * (glyphs.inkBottom(glyph) - glyphs.inkTop(glyph)) / Math.max(1, inkHeight - pen));
        if (!skeleton.build(glyphs, glyph, margin)) {
            return false;
        }
        boolean marker = skeleton.filled();
        double centreSpan = Math.max(0.5, skeleton.centreBottom() - skeleton.centreTop());
        double scale = marker ? inkHeight / (glyphs.inkBottom(glyph) - glyphs.inkTop(glyph))
                : Math.max(0.5, inkHeight - pen) / centreSpan;
        double halfW = skeleton.spanX() * scale / 2;
        double halfH = skeleton.spanY() * scale / 2;
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        width = (int) Math.ceil(2 * (halfW * Math.abs(cos) + halfH * Math.abs(sin))) + 3;
        height = (int) Math.ceil(2 * (halfW * Math.abs(sin) + halfH * Math.abs(cos))) + 3;
        if (coverage.length < width * height) {
            coverage = new float[width * height];
        }
        float glyphX = skeleton.left() + skeleton.spanX() / 2;
        float glyphY = marker ? skeleton.gridTop() + skeleton.spanY() / 2 : (skeleton.centreTop() + skeleton.centreBottom()) / 2;
        double centreX = width / 2.0 + phaseX;
        double centreY = height / 2.0 + phaseY;
        float du = (float) (cos / scale);
        float dv = (float) (-sin / scale);
        float toPixels = (float) scale;
        boxLeft = width;
        boxTop = height;
        boxRight = -1;
        boxBottom = -1;
        for (int y = 0; y < height; y++) {
            double dy = y + 0.5 - centreY;
            double dx = 0.5 - centreX;
            float u = (float) ((cos * dx + sin * dy) / scale) + glyphX;
            float v = (float) ((-sin * dx + cos * dy) / scale) + glyphY;
            int row = y * width;
            for (int x = 0; x < width; x++, u += du, v += dv) {
                float d = marker ? half - skeleton.outlineDistance(u, v) * toPixels : skeleton.distance(u, v) * toPixels;
                if (d > reach) {
                    coverage[row + x] = 0f;
                    continue;
                }
                coverage[row + x] = marker ? profile.edge(half - d) : profile.line(d, half);
                if (d <= half) {
                    boxLeft = Math.min(boxLeft, x);
                    boxRight = Math.max(boxRight, x);
                    boxTop = Math.min(boxTop, y);
                    boxBottom = Math.max(boxBottom, y);
                }
            }
        }
        return boxRight >= 0;
    }

    /**
     * Draws {@code glyph} as its raw bitmap scaled up (bilinear, so soft and as thick as the bitmap's
     * strokes), its ink {@code inkHeight} pixels tall, turned by {@code angle} radians; the box is the
     * pixels of at least half coverage.
     *
     * @return false if no pixel reaches half coverage
     */
    boolean drawBitmap(GlyphBank glyphs, int glyph, double inkHeight, double angle, double phaseX, double phaseY) {
        double inkRows = glyphs.inkBottom(glyph) - glyphs.inkTop(glyph) + 1;
        double inkCols = glyphs.inkRight(glyph) - glyphs.inkLeft(glyph) + 1;
        double scale = inkHeight / inkRows;
        double halfW = (inkCols + 2) * scale / 2;
        double halfH = (inkRows + 2) * scale / 2;
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        width = (int) Math.ceil(2 * (halfW * Math.abs(cos) + halfH * Math.abs(sin))) + 3;
        height = (int) Math.ceil(2 * (halfW * Math.abs(sin) + halfH * Math.abs(cos))) + 3;
        if (coverage.length < width * height) {
            coverage = new float[width * height];
        }
        double glyphX = (glyphs.inkLeft(glyph) + glyphs.inkRight(glyph)) / 2.0;
        double glyphY = (glyphs.inkTop(glyph) + glyphs.inkBottom(glyph)) / 2.0;
        double centreX = width / 2.0 + phaseX;
        double centreY = height / 2.0 + phaseY;
        boxLeft = width;
        boxTop = height;
        boxRight = -1;
        boxBottom = -1;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double dx = x + 0.5 - centreX;
                double dy = y + 0.5 - centreY;
                float u = (float) ((cos * dx + sin * dy) / scale + glyphX);
                float v = (float) ((-sin * dx + cos * dy) / scale + glyphY);
                float c = glyphs.sample(glyph, u, v);
                coverage[y * width + x] = c;
                if (c >= 0.5f) {
                    boxLeft = Math.min(boxLeft, x);
                    boxRight = Math.max(boxRight, x);
                    boxTop = Math.min(boxTop, y);
                    boxBottom = Math.max(boxBottom, y);
                }
            }
        }
        return boxRight >= 0;
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    float coverage(int x, int y) {
        return coverage[y * width + x];
    }

    /** First column within half a pen width of a centre line, local pixels. */
    int boxLeft() {
        return boxLeft;
    }

    int boxTop() {
        return boxTop;
    }

    /** Last such column, local pixels (inclusive). */
    int boxRight() {
        return boxRight;
    }

    int boxBottom() {
        return boxBottom;
    }
}
