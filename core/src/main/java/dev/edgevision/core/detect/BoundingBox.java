package dev.edgevision.core.detect;

/**
 * A box in pixels of the source frame as captured.
 *
 * @param x left edge
 * @param y top edge
 * @param w width
 * @param h height
 */
public record BoundingBox(double x, double y, double w, double h) {
    /** Intersection over union with {@code other}; 0 when they do not overlap. */
    public double iou(BoundingBox other) {
        double ix = Math.max(0, Math.min(x + w, other.x + other.w) - Math.max(x, other.x));
        double iy = Math.max(0, Math.min(y + h, other.y + other.h) - Math.max(y, other.y));
        double inter = ix * iy;
        double union = w * h + other.w * other.h - inter;
        return union <= 0 ? 0 : inter / union;
    }
}
