package dev.edgevision.core.preprocess;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The steps of the digit search that do not touch every pixel, shared by every {@link RegionFinder}
 * so that they differ only in how they threshold and label ink: the working scale, which ink
 * components count as pieces of a digit, how pieces merge into marks and which marks are kept, and
 * how a mark found at reduced scale maps back to full-scale ink.
 */
public final class DigitMarks {
    /** Frames with more lines than this are searched at a reduced scale. */
    public static final int WORK_LINES = 300;

    private DigitMarks() {
    }

    /** The whole factor a frame is box-averaged down by before the search (1: full scale). */
    public static int reduction(int frameWidth, int frameHeight) {
        return (Math.min(frameWidth, frameHeight) + WORK_LINES - 1) / WORK_LINES;
    }

    /** Radius of the local-mean window for an image of this size: ink is darker than its mean. */
    public static int meanRadius(int width, int height) {
        return Math.max(8, Math.min(width, height) / 12);
    }

    /**
     * Whether an 8-connected ink component of this box and pixel count is big enough to be part of
     * a digit (specks of noise are not); {@code side} is the searched image's shorter side.
     */
    public static boolean isPiece(int width, int height, int pixels, int side, DigitRegionFinder.Settings settings) {
        int minPiece = Math.max(3, (int) (settings.minHeightFraction() * side * 0.25));
        return Math.max(width, height) >= minPiece && pixels >= minPiece;
    }

    /**
     * Joins pieces (in the raster order of their first pixel) into marks and keeps those whose size
     * and shape could be a digit: at most {@code maxRegions}, largest first, then left to right.
     */
    public static List<Region> digits(List<Region> pieces, int side, DigitRegionFinder.Settings settings) {
        List<Region> digits = new ArrayList<>();
        int minH = (int) Math.ceil(settings.minHeightFraction() * side);
        int maxH = (int) (settings.maxHeightFraction() * side);
        for (Region r : merge(pieces, side)) {
            double aspect = (double) r.width() / r.height();
            if (r.height() >= minH && r.height() <= maxH && aspect >= 0.08 && aspect <= 1.6) {
                digits.add(r);
            }
        }
        if (digits.size() > settings.maxRegions()) {
            digits.sort(Comparator.comparingInt((Region r) -> r.width() * r.height()).reversed());
            digits = new ArrayList<>(digits.subList(0, settings.maxRegions()));
        }
        digits.sort(Comparator.comparingInt(Region::x).thenComparingInt(Region::y));
        return digits;
    }

    /**
     * Maps marks found at {@code factor} times reduced scale back to the full-scale frame: each grown
     * by one step of the scale, then shrunk to the ink inside it (darker than its mid-level).
     */
    public static List<Region> mapBack(List<Region> found, int factor, byte[] gray, int frameWidth, int frameHeight) {
        List<Region> mapped = new ArrayList<>(found.size());
        for (Region r : found) {
            int x0 = Math.max(0, (r.x() - 1) * factor);
            int y0 = Math.max(0, (r.y() - 1) * factor);
            int x1 = Math.min(frameWidth, (r.x() + r.width() + 1) * factor);
            int y1 = Math.min(frameHeight, (r.y() + r.height() + 1) * factor);
            mapped.add(tighten(gray, frameWidth, new Region(x0, y0, x1 - x0, y1 - y0)));
        }
        return mapped;
    }

    private static Region tighten(byte[] gray, int frameWidth, Region r) {
        int lo = 255;
        int hi = 0;
        for (int y = r.y(); y < r.y() + r.height(); y++) {
            for (int x = r.x(); x < r.x() + r.width(); x++) {
                int v = gray[y * frameWidth + x] & 0xFF;
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        int threshold = (lo + hi) / 2;
        int minX = Integer.MAX_VALUE;
        int minY = Integer.MAX_VALUE;
        int maxX = -1;
        int maxY = -1;
        for (int y = r.y(); y < r.y() + r.height(); y++) {
            for (int x = r.x(); x < r.x() + r.width(); x++) {
                if ((gray[y * frameWidth + x] & 0xFF) < threshold) {
                    minX = Math.min(minX, x);
                    minY = Math.min(minY, y);
                    maxX = Math.max(maxX, x);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        return maxX < 0 ? r : new Region(minX, minY, maxX - minX + 1, maxY - minY + 1);
    }

    private static List<Region> merge(List<Region> pieces, int side) {
        List<Region> regions = new ArrayList<>(pieces);
        boolean changed = true;
        while (changed) {
            changed = false;
            outer:
            for (int i = 0; i < regions.size(); i++) {
                for (int j = i + 1; j < regions.size(); j++) {
                    Region a = regions.get(i);
                    Region b = regions.get(j);
                    int margin = Math.max(2, (int) (0.12 * Math.max(a.height(), b.height())));
                    Region u = a.union(b);
                    if (a.near(b, margin) && u.width() <= 1.2 * u.height() && u.height() <= 0.9 * side) {
                        regions.set(i, u);
                        regions.remove(j);
                        changed = true;
                        break outer;
                    }
                }
            }
        }
        return regions;
    }
}
