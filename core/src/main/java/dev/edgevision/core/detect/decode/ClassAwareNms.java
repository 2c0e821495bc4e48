package dev.edgevision.core.detect.decode;

import java.util.Arrays;

/**
 * Greedy non-maximum suppression per class: candidates are taken best score first, and one is
 * dropped when it overlaps an already kept box <em>of the same class</em> by more than the IoU
 * threshold; boxes of different classes never suppress each other. Stops at the most detections
 * allowed. Working arrays are allocated once for the candidate capacity and reused.
 */
public final class ClassAwareNms {
    private final double iouThreshold;
    private final int maxDetections;
    private final long[] order;
    private final int[] kept;

    /**
     * @param capacity most candidates one frame can have
     * @param iouThreshold overlap above which the weaker box of a class is dropped
     * @param maxDetections most boxes kept
     */
    public ClassAwareNms(int capacity, double iouThreshold, int maxDetections) {
        this.iouThreshold = iouThreshold;
        this.maxDetections = maxDetections;
        this.order = new long[capacity];
        this.kept = new int[maxDetections];
    }

    /**
     * Selects the survivors among {@code c}; their indices are {@link #kept(int)} 0 until the
     * returned count, best score first.
     */
    public int select(Candidates c) {
        int n = c.count();
        for (int i = 0; i < n; i++) {
            // Scores are non-negative, so their float bits order like the scores; the low half
            // prefers the earlier candidate among equal scores.
            order[i] = ((long) Float.floatToIntBits(Math.max(0f, c.score[i])) << 32) | (Integer.MAX_VALUE - i);
        }
        Arrays.sort(order, 0, n);
        int keptCount = 0;
        for (int k = n - 1; k >= 0 && keptCount < maxDetections; k--) {
            int i = Integer.MAX_VALUE - (int) (order[k] & 0xFFFFFFFFL);
            if (!overlapsKept(c, i, keptCount)) {
                kept[keptCount++] = i;
            }
        }
        return keptCount;
    }

    /** Index into the candidates of survivor {@code rank}. */
    public int kept(int rank) {
        return kept[rank];
    }

    private boolean overlapsKept(Candidates c, int i, int keptCount) {
        for (int k = 0; k < keptCount; k++) {
            int j = kept[k];
            if (c.classId[j] == c.classId[i] && iou(c, i, j) > iouThreshold) {
                return true;
            }
        }
        return false;
    }

    /** Intersection over union of candidates {@code a} and {@code b}; 0 for empty boxes. */
    static double iou(Candidates c, int a, int b) {
        double iw = Math.min(c.x2[a], c.x2[b]) - Math.max(c.x1[a], c.x1[b]);
        double ih = Math.min(c.y2[a], c.y2[b]) - Math.max(c.y1[a], c.y1[b]);
        if (iw <= 0 || ih <= 0) {
            return 0;
        }
        double inter = iw * ih;
        double union = area(c, a) + area(c, b) - inter;
        return union <= 0 ? 0 : inter / union;
    }

    private static double area(Candidates c, int i) {
        return Math.max(0, c.x2[i] - c.x1[i]) * Math.max(0, c.y2[i] - c.y1[i]);
    }
}
