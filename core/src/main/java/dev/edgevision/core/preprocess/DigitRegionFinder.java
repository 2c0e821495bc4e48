package dev.edgevision.core.preprocess;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds digit-like marks on paper: pixels clearly darker than their neighbourhood (a local-mean
 * threshold copes with uneven light), joined into connected strokes, strokes close together merged
 * into one mark (a 5 or a 4 often has two), and marks kept whose size and shape could be a digit.
 * This is how a classifier, which names one digit per input, serves a whole camera frame.
 *
 * <p>Frames taller than {@value #WORK_LINES} lines are searched at a reduced scale (box-averaged by
 * a whole factor) and the regions mapped back, grown by one step of that scale; digits are at least
 * a few percent of the frame tall, so nothing of them is lost and the search costs a quarter or less.
 * Buffers are sized on the first frame and reused while the frame size stays the same.
 */
public final class DigitRegionFinder {
    /**
     * @param minHeightFraction smallest digit height as a share of the frame's shorter side
     * @param maxHeightFraction largest digit height as a share of the frame's shorter side
     * @param contrast how much darker than the local mean (0..255) a pixel must be to count as ink
     * @param maxRegions most regions returned per frame (largest first when there are more)
     */
    public record Settings(double minHeightFraction, double maxHeightFraction, int contrast, int maxRegions) {
        /** Digits from about 20 px tall in a 480-line frame up to most of its height. */
        public static Settings defaults() {
            return new Settings(0.04, 0.9, 28, 32);
        }
    }

    /** Frames with more lines than this are searched at a reduced scale. */
    static final int WORK_LINES = 300;

    private final Settings settings;
    private byte[] small = new byte[0];
    private int width;
    private int height;
    private long[] integral = new long[0];
    private int[] labels = new int[0];
    private int[] stack = new int[0];
    private int[] boxes = new int[5 * 256];

    public DigitRegionFinder(Settings settings) {
        this.settings = settings;
    }

    /** Regions of {@code gray} (width x height bytes) that look like single digits, left to right. */
    public List<Region> find(byte[] gray, int frameWidth, int frameHeight) {
        int factor = (Math.min(frameWidth, frameHeight) + WORK_LINES - 1) / WORK_LINES;
        if (factor == 1) {
            return findAtScale(gray, frameWidth, frameHeight);
        }
        int w = frameWidth / factor;
        int h = frameHeight / factor;
        if (small.length < w * h) {
            small = new byte[w * h];
        }
        shrink(gray, frameWidth, factor, w, h);
        List<Region> found = findAtScale(small, w, h);
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

    /** Shrinks a region found at reduced scale to the full-scale ink inside it (darker than mid-level). */
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

    private void shrink(byte[] gray, int frameWidth, int factor, int w, int h) {
        int area = factor * factor;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int sum = 0;
                for (int dy = 0; dy < factor; dy++) {
                    int row = (y * factor + dy) * frameWidth + x * factor;
                    for (int dx = 0; dx < factor; dx++) {
                        sum += gray[row + dx] & 0xFF;
                    }
                }
                small[y * w + x] = (byte) (sum / area);
            }
        }
    }

    private List<Region> findAtScale(byte[] gray, int frameWidth, int frameHeight) {
        ensureBuffers(frameWidth, frameHeight);
        buildIntegral(gray);
        markInk(gray);
        int count = labelComponents();
        int side = Math.min(width, height);
        List<Region> pieces = pieces(count, side);
        List<Region> merged = merge(pieces, side);
        List<Region> digits = new ArrayList<>();
        int minH = (int) Math.ceil(settings.minHeightFraction() * side);
        int maxH = (int) (settings.maxHeightFraction() * side);
        for (Region r : merged) {
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

    private void ensureBuffers(int w, int h) {
        if (w != width || h != height) {
            width = w;
            height = h;
            integral = new long[(w + 1) * (h + 1)];
            labels = new int[w * h];
            stack = new int[w * h];
        }
    }

    private void buildIntegral(byte[] gray) {
        int stride = width + 1;
        for (int y = 0; y < height; y++) {
            long row = 0;
            for (int x = 0; x < width; x++) {
                row += gray[y * width + x] & 0xFF;
                integral[(y + 1) * stride + x + 1] = integral[y * stride + x + 1] + row;
            }
        }
    }

    /** Labels ink pixels -1 and background 0. */
    private void markInk(byte[] gray) {
        int radius = Math.max(8, Math.min(width, height) / 12);
        int stride = width + 1;
        int contrast = settings.contrast();
        for (int y = 0; y < height; y++) {
            int y0 = Math.max(0, y - radius);
            int y1 = Math.min(height, y + radius + 1);
            for (int x = 0; x < width; x++) {
                int x0 = Math.max(0, x - radius);
                int x1 = Math.min(width, x + radius + 1);
                long sum = integral[y1 * stride + x1] - integral[y0 * stride + x1] - integral[y1 * stride + x0]
                        + integral[y0 * stride + x0];
                long area = (long) (x1 - x0) * (y1 - y0);
                labels[y * width + x] = ((gray[y * width + x] & 0xFF) + contrast) * area < sum ? -1 : 0;
            }
        }
    }

    /** Gives each 8-connected ink component a number from 1 and records its box and pixel count. */
    private int labelComponents() {
        int count = 0;
        for (int start = 0; start < labels.length; start++) {
            if (labels[start] != -1) {
                continue;
            }
            count++;
            if (boxes.length < 5 * (count + 1)) {
                boxes = java.util.Arrays.copyOf(boxes, boxes.length * 2);
            }
            int b = 5 * count;
            boxes[b] = Integer.MAX_VALUE;
            boxes[b + 1] = Integer.MAX_VALUE;
            boxes[b + 2] = -1;
            boxes[b + 3] = -1;
            boxes[b + 4] = 0;
            int top = 0;
            stack[top++] = start;
            labels[start] = count;
            while (top > 0) {
                int p = stack[--top];
                int px = p % width;
                int py = p / width;
                boxes[b] = Math.min(boxes[b], px);
                boxes[b + 1] = Math.min(boxes[b + 1], py);
                boxes[b + 2] = Math.max(boxes[b + 2], px);
                boxes[b + 3] = Math.max(boxes[b + 3], py);
                boxes[b + 4]++;
                for (int dy = -1; dy <= 1; dy++) {
                    int ny = py + dy;
                    if (ny < 0 || ny >= height) {
                        continue;
                    }
                    for (int dx = -1; dx <= 1; dx++) {
                        int nx = px + dx;
                        if (nx >= 0 && nx < width && labels[ny * width + nx] == -1) {
                            labels[ny * width + nx] = count;
                            stack[top++] = ny * width + nx;
                        }
                    }
                }
            }
        }
        return count;
    }

    /** Components big enough to be part of a digit (specks of noise are not). */
    private List<Region> pieces(int count, int side) {
        int minPiece = Math.max(3, (int) (settings.minHeightFraction() * side * 0.25));
        List<Region> pieces = new ArrayList<>();
        for (int c = 1; c <= count; c++) {
            int b = 5 * c;
            int w = boxes[b + 2] - boxes[b] + 1;
            int h = boxes[b + 3] - boxes[b + 1] + 1;
            if (Math.max(w, h) >= minPiece && boxes[b + 4] >= minPiece) {
                pieces.add(new Region(boxes[b], boxes[b + 1], w, h));
            }
        }
        return pieces;
    }

    /** Joins pieces that lie close together and still form a digit-shaped box. */
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
