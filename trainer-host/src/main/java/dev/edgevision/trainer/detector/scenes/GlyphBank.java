package dev.edgevision.trainer.detector.scenes;

import dev.edgevision.core.idx.DigitSet;

/**
 * The digit glyphs a generator draws from (MNIST polarity: ink is bright), with each glyph's ink
 * bounds measured once, so a glyph can be scaled by the height of its ink rather than of its
 * square.
 */
final class GlyphBank {
    /** Pixel value from which a glyph pixel counts as ink when measuring its bounds. */
    static final int INK = 40;
    private final DigitSet digits;
    private final short[] bounds;

    GlyphBank(DigitSet digits) {
        if (digits.size() == 0) {
            throw new IllegalArgumentException(digits.origin() + " holds no digits to draw");
        }
        this.digits = digits;
        this.bounds = new short[digits.size() * 4];
        for (int i = 0; i < digits.size(); i++) {
            measure(i);
        }
    }

    private void measure(int glyph) {
        int[] ink = digits.inkBounds(glyph, INK);
        int x0 = ink[0];
        int y0 = ink[1];
        int x1 = ink[2];
        int y1 = ink[3];
        int at = glyph * 4;
        bounds[at] = (short) x0;
        bounds[at + 1] = (short) y0;
        bounds[at + 2] = (short) x1;
        bounds[at + 3] = (short) y1;
    }

    int size() {
        return digits.size();
    }

    int label(int glyph) {
        return digits.label(glyph);
    }

    /** Whether the glyph has any ink at all (a blank image cannot be drawn as a digit). */
    boolean hasInk(int glyph) {
        return bounds[glyph * 4 + 2] >= 0;
    }

    /** Left edge of the ink, glyph pixels. */
    int inkLeft(int glyph) {
        return bounds[glyph * 4];
    }

    int inkTop(int glyph) {
        return bounds[glyph * 4 + 1];
    }

    /** Right edge of the ink: one past its last column. */
    int inkRight(int glyph) {
        return bounds[glyph * 4 + 2] + 1;
    }

    /** Bottom edge of the ink: one past its last row. */
    int inkBottom(int glyph) {
        return bounds[glyph * 4 + 3] + 1;
    }

    /** Ink 0..1 at pixel-centre coordinates ({@code u}, {@code v}) of the glyph, bilinear; 0 outside. */
    float sample(int glyph, float u, float v) {
        int col = (int) Math.floor(u);
        int row = (int) Math.floor(v);
        if (col < -1 || row < -1 || col >= digits.cols() || row >= digits.rows()) {
            return 0f;
        }
        float fx = u - col;
        float fy = v - row;
        float top = at(glyph, row, col) * (1 - fx) + at(glyph, row, col + 1) * fx;
        float bottom = at(glyph, row + 1, col) * (1 - fx) + at(glyph, row + 1, col + 1) * fx;
        return (top * (1 - fy) + bottom * fy) * (1f / 255);
    }

    private int at(int glyph, int row, int col) {
        if (row < 0 || col < 0 || row >= digits.rows() || col >= digits.cols()) {
            return 0;
        }
        return digits.pixel(glyph, row, col);
    }
}
