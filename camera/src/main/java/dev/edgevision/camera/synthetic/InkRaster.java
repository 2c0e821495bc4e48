package dev.edgevision.camera.synthetic;

import dev.edgevision.core.detect.BoundingBox;
import dev.edgevision.core.frame.PixelBounds;

/**
 * Draws one placed glyph as ink coverage (0..1) over its area: inverse-maps each pixel into the
 * 28x28 glyph, samples it bilinearly, then blurs. The coverage stays here for compositing; its
 * scratch arrays grow to the largest glyph and are reused.
 */
final class InkRaster {
    static final float VISIBLE = 0.25f;
    private float[] coverage = new float[0];
    private float[] scratch = new float[0];
    private int left;
    private int top;
    private int width;
    private int height;

    /** Rasterizes {@code p}; returns the box of pixels with visible ink, or null if none is visible. */
    BoundingBox draw(Glyphs glyphs, ScenePlan.Placement p, int blurPasses) {
        left = p.left();
        top = p.top();
        width = p.right() - p.left() + 1;
        height = p.bottom() - p.top() + 1;
        if (coverage.length < width * height) {
            coverage = new float[width * height];
            scratch = new float[width * height];
        }
        sample(glyphs, p);
        for (int pass = 0; pass < blurPasses; pass++) {
            blur();
        }
        return visibleBox();
    }

    private void sample(Glyphs glyphs, ScenePlan.Placement p) {
        int g = p.glyph();
        double centreX = (glyphs.inkLeft(g) + glyphs.inkRight(g) + 1) / 2.0;
        double centreY = (glyphs.inkTop(g) + glyphs.inkBottom(g) + 1) / 2.0;
        double cos = Math.cos(p.angle()) / p.scale();
        double sin = Math.sin(p.angle()) / p.scale();
        for (int y = 0; y < height; y++) {
            double dy = top + y + 0.5 - p.cy();
            double dx = left + 0.5 - p.cx();
            double u = centreX + cos * dx + sin * dy - 0.5;
            double v = centreY - sin * dx + cos * dy - 0.5;
            for (int x = 0; x < width; x++, u += cos, v -= sin) {
                coverage[y * width + x] = bilinear(glyphs, g, u, v);
            }
        }
    }

    private static float bilinear(Glyphs glyphs, int g, double u, double v) {
        int col = (int) Math.floor(u);
        int row = (int) Math.floor(v);
        if (col < -1 || row < -1 || col >= glyphs.cols() || row >= glyphs.rows()) {
            return 0f;
        }
        double fx = u - col;
        double fy = v - row;
        double top = glyphs.ink(g, row, col) * (1 - fx) + glyphs.ink(g, row, col + 1) * fx;
        double bottom = glyphs.ink(g, row + 1, col) * (1 - fx) + glyphs.ink(g, row + 1, col + 1) * fx;
        return (float) ((top * (1 - fy) + bottom * fy) / 255.0);
    }

    private void blur() {
        for (int y = 0; y < height; y++) {
            int row = y * width;
            for (int x = 0; x < width; x++) {
                float l = x > 0 ? coverage[row + x - 1] : 0f;
                float r = x + 1 < width ? coverage[row + x + 1] : 0f;
                scratch[row + x] = (l + 2 * coverage[row + x] + r) * 0.25f;
            }
        }
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                float up = y > 0 ? scratch[(y - 1) * width + x] : 0f;
                float down = y + 1 < height ? scratch[(y + 1) * width + x] : 0f;
                coverage[y * width + x] = (up + 2 * scratch[y * width + x] + down) * 0.25f;
            }
        }
    }

    private BoundingBox visibleBox() {
        int[] b = PixelBounds.of(width, height, i -> coverage[i] >= VISIBLE);
        return b[2] < 0 ? null : new BoundingBox(left + b[0], top + b[1], b[2] - b[0] + 1, b[3] - b[1] + 1);
    }

    int left() {
        return left;
    }

    int top() {
        return top;
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    /** Coverage of pixel ({@code x}, {@code y}) relative to the area's top-left corner. */
    float coverage(int x, int y) {
        return coverage[y * width + x];
    }
}
