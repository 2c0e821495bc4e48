package dev.edgevision.trainer.detector.scenes;

import java.util.Arrays;

/**
 * The centre lines of one glyph's strokes and the distance from any point to them, so the digit
 * can be redrawn with a pen of any width: a thin ballpoint or a felt marker, rather than MNIST's
 * own stroke scaled up (which makes a 150-pixel digit's strokes 20 pixels wide). The glyph is
 * sampled on a grid {@link #CELLS} times finer than its pixels, thresholded, thinned to one cell
 * (Zhang and Suen's thinning, which keeps strokes connected and their ends in place), and a
 * chamfer distance transform gives every cell its distance to the nearest centre line. Grids grow
 * to the largest glyph and are reused.
 */
final class GlyphSkeleton {
    /** Grid cells per glyph pixel. */
    static final int CELLS = 3;
    private static final float INK = 0.45f;
    private static final float DIAGONAL = (float) Math.sqrt(2);
    private static final float FAR = 1e6f;
    private byte[] cells = new byte[0];
    private float[] distance = new float[0];
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
            distance = new float[width * height];
            doomed = new int[width * height];
        }
        Arrays.fill(cells, 0, width * height, (byte) 0);
        for (int y = 1; y < height - 1; y++) {
            float v = originY + (y - 0.5f) / CELLS - 0.5f;
            for (int x = 1; x < width - 1; x++) {
                float u = originX + (x - 0.5f) / CELLS - 0.5f;
                cells[y * width + x] = (byte) (glyphs.sample(glyph, u, v) >= INK ? 1 : 0);
            }
        }
        while (thin(0) | thin(1)) {
            // each pass peels one layer of cells off the strokes, from two sides in turn
        }
        return transform();
    }

    /** One sub-iteration of the thinning; returns whether any cell was removed. */
    private boolean thin(int pass) {
        int count = 0;
        for (int y = 1; y < height - 1; y++) {
            for (int x = 1; x < width - 1; x++) {
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

    /** Chamfer distance (steps 1 and sqrt 2) from every cell to the nearest centre-line cell. */
    private boolean transform() {
        int n = width * height;
        int first = n;
        int last = -1;
        for (int i = 0; i < n; i++) {
            boolean centre = cells[i] != 0;
            distance[i] = centre ? 0 : FAR;
            if (centre) {
                first = Math.min(first, i / width);
                last = Math.max(last, i / width);
            }
        }
        if (last < 0) {
            return false;
        }
        top = originY + (first - 1 + 0.5f) / CELLS;
        bottom = originY + (last - 1 + 0.5f) / CELLS;
        for (int y = 1; y < height; y++) {
            for (int x = 1; x < width - 1; x++) {
                int i = y * width + x;
                float d = Math.min(distance[i], distance[i - 1] + 1);
                d = Math.min(d, distance[i - width] + 1);
                d = Math.min(d, distance[i - width - 1] + DIAGONAL);
                distance[i] = Math.min(d, distance[i - width + 1] + DIAGONAL);
            }
        }
        for (int y = height - 2; y >= 0; y--) {
            for (int x = width - 2; x >= 1; x--) {
                int i = y * width + x;
                float d = Math.min(distance[i], distance[i + 1] + 1);
                d = Math.min(d, distance[i + width] + 1);
                d = Math.min(d, distance[i + width + 1] + DIAGONAL);
                distance[i] = Math.min(d, distance[i + width - 1] + DIAGONAL);
            }
        }
        return true;
    }

    /** Distance in glyph pixels from glyph point ({@code u}, {@code v}) (pixel edges at whole numbers) to the nearest centre line. */
    float distance(float u, float v) {
        float gx = (u - originX) * CELLS + 0.5f;
        float gy = (v - originY) * CELLS + 0.5f;
        int x = (int) Math.floor(gx);
        int y = (int) Math.floor(gy);
        if (x < 0 || y < 0 || x >= width - 1 || y >= height - 1) {
            return FAR;
        }
        float fx = gx - x;
        float fy = gy - y;
        int i = y * width + x;
        float upper = distance[i] + (distance[i + 1] - distance[i]) * fx;
        float lower = distance[i + width] + (distance[i + width + 1] - distance[i + width]) * fx;
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
