package dev.edgevision.trainer.detector.scenes;

/**
 * Draws anti-aliased lines of a given width as a coverage mask, then lays the mask onto the canvas
 * in one ink. Where segments of one mark meet or cross, coverage is the larger of the two rather
 * than their sum, so joints do not darken. The mask is frame-sized, allocated once, and only the
 * area touched is cleared after each mark.
 */
final class Pen {
    private float[] mask = new float[0];
    private int width;
    private int height;
    private int left;
    private int top;
    private int right;
    private int bottom;

    /** Starts a mark on a {@code w} x {@code h} canvas. */
    void begin(int w, int h) {
        width = w;
        height = h;
        if (mask.length < w * h) {
            mask = new float[w * h];
        }
        left = w;
        top = h;
        right = -1;
        bottom = -1;
    }

    /** A straight stroke from (x0, y0) to (x1, y1), {@code thickness} pixels wide, with round ends, seen through {@code profile}. */
    void line(double x0, double y0, double x1, double y1, double thickness, EdgeProfile profile) {
        float half = (float) (thickness / 2);
        double reach = half + 3 * profile.spread() + 1;
        int xa = Math.max(0, (int) Math.floor(Math.min(x0, x1) - reach));
        int xb = Math.min(width - 1, (int) Math.ceil(Math.max(x0, x1) + reach));
        int ya = Math.max(0, (int) Math.floor(Math.min(y0, y1) - reach));
        int yb = Math.min(height - 1, (int) Math.ceil(Math.max(y0, y1) + reach));
        if (xa > xb || ya > yb) {
            return;
        }
        double dx = x1 - x0;
        double dy = y1 - y0;
        double lengthSquared = dx * dx + dy * dy;
        for (int y = ya; y <= yb; y++) {
            double py = y + 0.5 - y0;
            for (int x = xa; x <= xb; x++) {
                double px = x + 0.5 - x0;
                double t = lengthSquared == 0 ? 0 : Math.max(0, Math.min(1, (px * dx + py * dy) / lengthSquared));
                double ex = px - t * dx;
                double ey = py - t * dy;
                float c = profile.line((float) Math.sqrt(ex * ex + ey * ey), half);
                int i = y * width + x;
                if (c > mask[i]) {
                    mask[i] = c;
                }
            }
        }
        left = Math.min(left, xa);
        right = Math.max(right, xb);
        top = Math.min(top, ya);
        bottom = Math.max(bottom, yb);
    }

    /** A stroke through the first {@code count} coordinates of {@code points} (x0, y0, x1, y1, ...). */
    void polyline(double[] points, int count, double thickness, EdgeProfile profile) {
        for (int i = 0; i + 3 < count; i += 2) {
            line(points[i], points[i + 1], points[i + 2], points[i + 3], thickness, profile);
        }
    }

    /** Lays the mark onto {@code canvas} in {@code ink} and clears the mask. */
    void finish(Canvas canvas, Ink ink) {
        for (int y = top; y <= bottom; y++) {
            int row = y * width;
            for (int x = left; x <= right; x++) {
                float c = mask[row + x];
                if (c > 0) {
                    canvas.blend(row + x, c * ink.opacity(), ink.colour());
                    mask[row + x] = 0;
                }
            }
        }
        left = width;
        top = height;
        right = -1;
        bottom = -1;
    }
}
