package dev.edgevision.core.preprocess;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds digit-like marks on paper: pixels clearly darker than their neighbourhood (a local-mean
 * threshold copes with uneven light), joined into connected strokes, strokes close together merged
 * into one mark (a 5 or a 4 often has two), and marks kept whose size and shape could be a digit.
 * This is how a classifier, which names one digit per input, serves a whole camera frame.
 *
 * <p>Frames taller than {@value DigitMarks#WORK_LINES} lines are searched at a reduced scale (box-averaged by
 * a whole factor) and the regions mapped back, grown by one step of that scale; digits are at least
 * a few percent of the frame tall, so nothing of them is lost and the search costs a quarter or less.
 * Buffers are sized on the first frame and reused while the frame size stays the same. This is the
 * pure-Java reference {@link RegionFinder}; the steps after labelling are in {@link DigitMarks}.
 */
public final class DigitRegionFinder implements RegionFinder {
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

    @Override
    public List<Region> find(byte[] gray, int frameWidth, int frameHeight) {
        int factor = DigitMarks.reduction(frameWidth, frameHeight);
        if (factor == 1) {
            return findAtScale(gray, frameWidth, frameHeight);
        }
        int w = frameWidth / factor;
        int h = frameHeight / factor;
        if (small.length < w * h) {
            small = new byte[w * h];
        }
        shrink(gray, frameWidth, factor, w, h);
        return DigitMarks.mapBack(findAtScale(small, w, h), factor, gray, frameWidth, frameHeight);
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
        return DigitMarks.digits(pieces(count, side), side, settings);
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
        int radius = DigitMarks.meanRadius(width, height);
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

    /** Components big enough to be part of a digit, in the raster order of their first pixel. */
    private List<Region> pieces(int count, int side) {
        List<Region> pieces = new ArrayList<>();
        for (int c = 1; c <= count; c++) {
            int b = 5 * c;
            int w = boxes[b + 2] - boxes[b] + 1;
            int h = boxes[b + 3] - boxes[b + 1] + 1;
            if (DigitMarks.isPiece(w, h, boxes[b + 4], side, settings)) {
                pieces.add(new Region(boxes[b], boxes[b + 1], w, h));
            }
        }
        return pieces;
    }
}
