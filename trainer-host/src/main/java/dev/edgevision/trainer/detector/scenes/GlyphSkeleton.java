package dev.edgevision.trainer.detector.scenes;

import java.util.Arrays;

/**
 * The centre lines of one glyph's strokes and the distance from any point to them, so the digit
 * can be redrawn with a pen of any width: a thin ballpoint or a felt marker, rather than MNIST's
 * own stroke scaled up (which makes a 150-pixel digit's strokes 20 pixels wide). The glyph is
 * sampled on a grid {@link #CELLS} times finer than its pixels, thresholded, thinned to one cell
 * (Zhang and Suen's thinning, which keeps strokes connected, holes open and ends in place), and a
 * chamfer distance transform gives every cell its distance to the nearest centre line.
 *
 * <p>A loop written so thick that its hole is only a little lighter than the ink would close at
 * an ordinary threshold and thin down to a line (a 6 would come out as a v), so the threshold is
 * raised, step by step, for as long as that opens more holes without breaking a stroke. A glyph
 * that still has parts far thicker than its strokes (a loop filled solid, a heavy dot) would lose
 * them to thinning whatever the threshold; it is marked {@link #filled()}, and the signed distance
 * to its own outline lets it be drawn as it is, like a felt-tip marker. Grids grow to
 * the largest glyph and are reused.
 */
final class GlyphSkeleton {
    /** Grid cells per glyph pixel. */
    static final int CELLS = 3;
    /** Ink levels tried as thresholds, lowest first. */
    private static final float[] LEVELS = {0.45f, 0.6f, 0.75f, 0.9f};
    private static final float FAR = Chamfer.FAR;
    /** Share of the ink that may be lost to thinning before a glyph is drawn by its outline. */
    private static final float LOST_SHARE = 0.04f;
    /** Bins per cell of the stroke half-width histogram. */
    private static final int BINS = 4;
    private final GridTopology topology = new GridTopology();
    private final int[] halfWidths = new int[256];
    private byte[] cells = new byte[0];
    private float[] ink = new float[0];
    private float[] distance = new float[0];
    private float[] outline = new float[0];
    private boolean filled;
    private int inkLeft;
    private int inkTop;
    private int inkRight;
    private int inkBottom;
    private float lostShare;
    private int[] doomed = new int[0];
    private int width;
    private int height;
    private float originX;
    private float originY;
    private float top;
    private float bottom;

    /** Builds the centre lines of {@code glyph}, with a grid reaching {@code margin} glyph pixels past its ink. */
    boolean build(GlyphBank glyphs, int glyph, int margin) {
        originX = glyphs.inkLeft(glyph) - margin;
        originY = glyphs.inkTop(glyph) - margin;
        width = (glyphs.inkRight(glyph) - glyphs.inkLeft(glyph) + 2 * margin) * CELLS + 2;
        height = (glyphs.inkBottom(glyph) - glyphs.inkTop(glyph) + 2 * margin) * CELLS + 2;
        if (cells.length < width * height) {
            cells = new byte[width * height];
            ink = new float[width * height];
            distance = new float[width * height];
            outline = new float[width * height];
            doomed = new int[width * height];
        }
        sample(glyphs, glyph);
        threshold(openingLevel());
        outline();
        while (thin(0) | thin(1)) {
            // each pass peels one layer of cells off the strokes, from two sides in turn
        }
        if (!transform()) {
            return false;
        }
        filled = hasThickParts();
        return true;
    }

    /** Signed distance (cells) to the thresholded ink's outline: positive inside, negative outside. */
    private void outline() {
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
        return sample(outline, u, v);
    }

    /** The lowest of {@link #LEVELS} that opens the most holes while the ink stays in as few pieces as at the first. */
    private float openingLevel() {
        float chosen = LEVELS[0];
        int mostHoles = -1;
        int firstPieces = -1;
        for (float level : LEVELS) {
            threshold(level);
            topology.count(cells, width, height);
            firstPieces = firstPieces < 0 ? topology.pieces() : firstPieces;
            if (topology.pieces() > firstPieces) {
                break;
            }
            if (topology.holes() > mostHoles) {
                mostHoles = topology.holes();
                chosen = level;
            }
        }
        return chosen;
    }

    /** The glyph's ink at every cell centre (0 on the grid's border). */
    private void sample(GlyphBank glyphs, int glyph) {
        Arrays.fill(ink, 0, width * height, 0f);
        for (int y = 1; y < height - 1; y++) {
            float v = originY + (y - 0.5f) / CELLS - 0.5f;
            for (int x = 1; x < width - 1; x++) {
                float u = originX + (x - 0.5f) / CELLS - 0.5f;
                ink[y * width + x] = glyphs.sample(glyph, u, v);
            }
        }
    }

    /** Ink cells where the glyph reaches {@code level}, and the rows and columns they span. */
    private void threshold(float level) {
        inkLeft = width;
        inkTop = height;
        inkRight = 0;
        inkBottom = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                boolean on = ink[i] >= level;
                cells[i] = (byte) (on ? 1 : 0);
                if (on) {
                    inkLeft = Math.min(inkLeft, x);
                    inkRight = Math.max(inkRight, x);
                    inkTop = Math.min(inkTop, y);
                    inkBottom = Math.max(inkBottom, y);
                }
            }
        }
    }

    /** One sub-iteration of the thinning; returns whether any cell was removed. */
    private boolean thin(int pass) {
        int count = 0;
        for (int y = inkTop; y <= inkBottom; y++) {
            for (int x = inkLeft; x <= inkRight; x++) {
                int i = y * width + x;
                if (cells[i] == 0) {
                    continue;
                }
                int p2 = cells[i - width];
                int p3 = cells[i - width + 1];
                int p4 = cells[i + 1];
                int p5 = cells[i + width + 1];
                int p6 = cells[i + width];
                int p7 = cells[i + width - 1];
                int p8 = cells[i - 1];
                int p9 = cells[i - width - 1];
                int neighbours = p2 + p3 + p4 + p5 + p6 + p7 + p8 + p9;
                if (neighbours < 2 || neighbours > 6) {
                    continue;
                }
                int rises = rise(p2, p3) + rise(p3, p4) + rise(p4, p5) + rise(p5, p6) + rise(p6, p7) + rise(p7, p8)
                        + rise(p8, p9) + rise(p9, p2);
                if (rises != 1) {
                    continue;
                }
                boolean removable = pass == 0 ? p2 * p4 * p6 == 0 && p4 * p6 * p8 == 0 : p2 * p4 * p8 == 0 && p2 * p6 * p8 == 0;
                if (removable) {
                    doomed[count++] = i;
                }
            }
        }
        for (int k = 0; k < count; k++) {
            cells[doomed[k]] = 0;
        }
        return count > 0;
    }

    private static int rise(int a, int b) {
        return a == 0 && b == 1 ? 1 : 0;
    }

    /** Distance from every cell to the nearest centre-line cell, and the centre lines' top and bottom. */
    private boolean transform() {
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
        top = originY + (first - 0.5f) / CELLS;
        bottom = originY + (last - 0.5f) / CELLS;
        Chamfer.transform(distance, width, height);
        return true;
    }

    /** Distance in glyph pixels from glyph point ({@code u}, {@code v}) (pixel edges at whole numbers) to the nearest centre line. */
    float distance(float u, float v) {
        return sample(distance, u, v);
    }

    private float sample(float[] grid, float u, float v) {
        float gx = (u - originX) * CELLS + 0.5f;
        float gy = (v - originY) * CELLS + 0.5f;
        int x = (int) Math.floor(gx);
        int y = (int) Math.floor(gy);
        if (x < 0 || y < 0 || x >= width - 1 || y >= height - 1) {
            return grid == outline ? -FAR : FAR;
        }
        float fx = gx - x;
        float fy = gy - y;
        int i = y * width + x;
        float upper = grid[i] + (grid[i + 1] - grid[i]) * fx;
        float lower = grid[i + width] + (grid[i + width + 1] - grid[i + width]) * fx;
        return (upper + (lower - upper) * fy) / CELLS;
    }

    /** Glyph x of the grid's left edge; the grid spans {@link #spanX()} glyph pixels from there. */
    float left() {
        return originX;
    }

    float spanX() {
        return (width - 2) / (float) CELLS;
    }

    /** Glyph y of the grid's top edge. */
    float gridTop() {
        return originY;
    }

    float spanY() {
        return (height - 2) / (float) CELLS;
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
