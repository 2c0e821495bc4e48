package dev.edgevision.trainer.detector.scenes;

import java.util.Arrays;

/**
 * One glyph sampled on a grid {@link #CELLS} times finer than its pixels and thresholded into ink
 * cells, with an empty border of one cell. The threshold is chosen to keep loops open: a loop
 * written so thick that its hole is only a little lighter than the ink would close at an ordinary
 * threshold (and a 6 thinned from it would come out as a v), so the threshold is raised, step by
 * step, for as long as that opens more holes without breaking a stroke apart. Arrays grow to the
 * largest glyph and are reused.
 */
final class InkGrid {
    /** Grid cells per glyph pixel. */
    static final int CELLS = 3;
    /** Ink levels tried as thresholds, lowest first. */
    private static final float[] LEVELS = {0.45f, 0.6f, 0.75f, 0.9f};
    private final GridTopology topology = new GridTopology();
    private byte[] cells = new byte[0];
    private float[] ink = new float[0];
    private int width;
    private int height;
    private float originX;
    private float originY;
    private int left;
    private int top;
    private int right;
    private int bottom;

    /** Samples {@code glyph} over its ink plus {@code margin} glyph pixels each way and thresholds it. */
    void fill(GlyphBank glyphs, int glyph, int margin) {
        originX = glyphs.inkLeft(glyph) - margin;
        originY = glyphs.inkTop(glyph) - margin;
        width = (glyphs.inkRight(glyph) - glyphs.inkLeft(glyph) + 2 * margin) * CELLS + 2;
        height = (glyphs.inkBottom(glyph) - glyphs.inkTop(glyph) + 2 * margin) * CELLS + 2;
        if (cells.length < width * height) {
            cells = new byte[width * height];
            ink = new float[width * height];
        }
        Arrays.fill(ink, 0, width * height, 0f);
        for (int y = 1; y < height - 1; y++) {
            float v = originY + (y - 0.5f) / CELLS - 0.5f;
            for (int x = 1; x < width - 1; x++) {
                float u = originX + (x - 0.5f) / CELLS - 0.5f;
                ink[y * width + x] = glyphs.sample(glyph, u, v);
            }
        }
        threshold(openingLevel());
    }

    /**
     * The lowest of {@link #LEVELS} that opens the most holes while the ink stays in as few pieces as
     * at the first. When the highest level opens no more holes than the lowest and breaks nothing,
     * the levels between are not tried.
     */
    private float openingLevel() {
        threshold(LEVELS[0]);
        topology.count(cells, width, height);
        int firstPieces = topology.pieces();
        int firstHoles = topology.holes();
        threshold(LEVELS[LEVELS.length - 1]);
        topology.count(cells, width, height);
        if (topology.pieces() <= firstPieces && topology.holes() <= firstHoles) {
            return LEVELS[0];
        }
        float chosen = LEVELS[0];
        int mostHoles = firstHoles;
        for (int k = 1; k < LEVELS.length; k++) {
            threshold(LEVELS[k]);
            topology.count(cells, width, height);
            if (topology.pieces() > firstPieces) {
                break;
            }
            if (topology.holes() > mostHoles) {
                mostHoles = topology.holes();
                chosen = LEVELS[k];
            }
        }
        return chosen;
    }

    /** Ink cells where the glyph reaches {@code level}, and the rows and columns they span. */
    private void threshold(float level) {
        left = width;
        top = height;
        right = 0;
        bottom = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                boolean on = ink[i] >= level;
                cells[i] = (byte) (on ? 1 : 0);
                if (on) {
                    left = Math.min(left, x);
                    right = Math.max(right, x);
                    top = Math.min(top, y);
                    bottom = Math.max(bottom, y);
                }
            }
        }
    }

    /** The cells, row by row: 1 ink, 0 paper. */
    byte[] cells() {
        return cells;
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    /** Glyph x of the grid's left edge (cell 1 starts there; cell 0 is the border). */
    float originX() {
        return originX;
    }

    float originY() {
        return originY;
    }

    /** First column holding ink. */
    int left() {
        return left;
    }

    int top() {
        return top;
    }

    /** Last column holding ink. */
    int right() {
        return right;
    }

    int bottom() {
        return bottom;
    }
}
