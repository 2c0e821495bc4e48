package dev.edgevision.trainer.detector.scenes;

import java.util.Arrays;

/**
 * The centre lines of one glyph's strokes and the distance from any point to them, so the digit
 * can be redrawn with a pen of any width, a thin ballpoint or a felt marker, rather than with
 * MNIST's own stroke scaled up (which makes a 150-pixel digit's strokes 20 pixels wide). The
 * glyph's {@link InkGrid} is thinned to one cell ({@link Thinning}), and a chamfer distance
 * transform gives every cell its distance to the nearest centre line.
 *
 * <p>A glyph with parts far thicker than its strokes (a loop filled solid, a heavy dot) would lose
 * them to thinning; it is marked {@link #filled()}, and the signed distance to its own outline lets
 * it be drawn as it is, like a felt-tip marker. Arrays grow to the largest glyph and are reused.
 */
final class GlyphSkeleton {
    private static final float FAR = Chamfer.FAR;
    /** Share of the ink that may be lost to thinning before a glyph is drawn by its outline. */
    private static final float LOST_SHARE = 0.04f;
    /** Bins per cell of the stroke half-width histogram. */
    private static final int BINS = 4;
    private final InkGrid grid = new InkGrid();
    private final Thinning thinning = new Thinning();
    private final int[] halfWidths = new int[256];
    private float[] distance = new float[0];
    private float[] outline = new float[0];
    private int width;
    private int height;
    private boolean filled;
    private float lostShare;
    private float top;
    private float bottom;

    /** Builds the centre lines of {@code glyph}, with a grid reaching {@code margin} glyph pixels past its ink. */
    boolean build(GlyphBank glyphs, int glyph, int margin) {
        grid.fill(glyphs, glyph, margin);
        width = grid.width();
        height = grid.height();
        if (distance.length < width * height) {
            distance = new float[width * height];
            outline = new float[width * height];
        }
        outline();
        thinning.thin(grid);
        if (!centreLines()) {
            return false;
        }
        filled = hasThickParts();
        return true;
    }

    /** Signed distance (cells) to the thresholded ink's outline: positive inside, negative outside. */
    private void outline() {
        byte[] cells = grid.cells();
        int n = width * height;
        for (int i = 0; i < n; i++) {
            boolean ink = cells[i] != 0;
            outline[i] = ink ? FAR : 0;
            distance[i] = ink ? 0 : FAR;
        }
        Chamfer.transform(outline, width, height);
        Chamfer.transform(distance, width, height);
        for (int i = 0; i < n; i++) {
            outline[i] -= distance[i];
        }
    }

    /** Distance from every cell to the nearest centre-line cell, and the centre lines' top and bottom. */
    private boolean centreLines() {
        byte[] cells = grid.cells();
        int n = width * height;
        int first = -1;
        int last = -1;
        for (int i = 0; i < n; i++) {
            boolean centre = cells[i] != 0;
            distance[i] = centre ? 0 : FAR;
            if (centre) {
                first = first < 0 ? i / width : first;
                last = i / width;
            }
        }
        if (last < 0) {
            return false;
        }
        top = grid.originY() + (first - 0.5f) / InkGrid.CELLS;
        bottom = grid.originY() + (last - 0.5f) / InkGrid.CELLS;
        Chamfer.transform(distance, width, height);
        return true;
    }

    /**
     * Whether redrawing along the centre lines with the median stroke width would lose a visible part
     * of the ink: at least {@link #LOST_SHARE} of it lying further than that from every centre line.
     * Crossings and junctions lose a few corners only; a loop filled solid loses its inside.
     */
    private boolean hasThickParts() {
        int n = width * height;
        Arrays.fill(halfWidths, 0);
        int centres = 0;
        for (int i = 0; i < n; i++) {
            if (distance[i] == 0) {
                halfWidths[Math.min(halfWidths.length - 1, (int) (outline[i] * BINS))]++;
                centres++;
            }
        }
        int seen = 0;
        int bin = 0;
        while (seen + halfWidths[bin] < (centres + 1) / 2) {
            seen += halfWidths[bin++];
        }
        float reach = 1.3f * (bin + 0.5f) / BINS + 1;
        int ink = 0;
        int lost = 0;
        for (int i = 0; i < n; i++) {
            if (outline[i] > 0) {
                ink++;
                lost += distance[i] > reach ? 1 : 0;
            }
        }
        lostShare = (float) lost / Math.max(1, ink);
        return lostShare >= LOST_SHARE;
    }

    /** Share of the ink that redrawing along the centre lines would lose (see {@link #filled()}). */
    float lostShare() {
        return lostShare;
    }

    /** Whether the glyph has parts thinning would lose and is to be drawn by its own outline. */
    boolean filled() {
        return filled;
    }

    /** Signed distance in glyph pixels from glyph point ({@code u}, {@code v}) to the glyph's outline (positive inside). */
    float outlineDistance(float u, float v) {
        return sample(outline, u, v, -FAR);
    }

    /** Distance in glyph pixels from glyph point ({@code u}, {@code v}) (pixel edges at whole numbers) to the nearest centre line. */
    float distance(float u, float v) {
        return sample(distance, u, v, FAR);
    }

    private float sample(float[] field, float u, float v, float outside) {
        float gx = (u - grid.originX()) * InkGrid.CELLS + 0.5f;
        float gy = (v - grid.originY()) * InkGrid.CELLS + 0.5f;
        int x = (int) Math.floor(gx);
        int y = (int) Math.floor(gy);
        if (x < 0 || y < 0 || x >= width - 1 || y >= height - 1) {
            return outside;
        }
        float fx = gx - x;
        float fy = gy - y;
        int i = y * width + x;
        float upper = field[i] + (field[i + 1] - field[i]) * fx;
        float lower = field[i + width] + (field[i + width + 1] - field[i + width]) * fx;
        return (upper + (lower - upper) * fy) / InkGrid.CELLS;
    }

    /** Glyph x of the grid's left edge; the grid spans {@link #spanX()} glyph pixels from there. */
    float left() {
        return grid.originX();
    }

    float spanX() {
        return (width - 2) / (float) InkGrid.CELLS;
    }

    /** Glyph y of the grid's top edge. */
    float gridTop() {
        return grid.originY();
    }

    float spanY() {
        return (height - 2) / (float) InkGrid.CELLS;
    }

    /** Glyph y of the topmost centre line. */
    float centreTop() {
        return top;
    }

    /** Glyph y of the lowest centre line. */
    float centreBottom() {
        return bottom;
    }
}
