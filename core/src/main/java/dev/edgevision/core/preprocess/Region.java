package dev.edgevision.core.preprocess;

/**
 * An axis-aligned pixel rectangle, right and bottom exclusive.
 *
 * @param x left column
 * @param y top row
 * @param width columns
 * @param height rows
 */
public record Region(int x, int y, int width, int height) {
    /** The smallest region holding both. */
    public Region union(Region o) {
        int left = Math.min(x, o.x);
        int top = Math.min(y, o.y);
        int right = Math.max(x + width, o.x + o.width);
        int bottom = Math.max(y + height, o.y + o.height);
        return new Region(left, top, right - left, bottom - top);
    }

    /** Whether the two overlap once each is grown by {@code margin} pixels on every side. */
    public boolean near(Region o, int margin) {
        return x - margin < o.x + o.width && o.x - margin < x + width
                && y - margin < o.y + o.height && o.y - margin < y + height;
    }
}
