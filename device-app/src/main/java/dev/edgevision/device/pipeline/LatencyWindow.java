package dev.edgevision.device.pipeline;

import java.util.Arrays;

/**
 * The last {@code capacity} latencies of a pipeline, for percentiles in stats and the benchmark.
 * Recording is O(1) into a ring; percentiles sort a copy (called seconds apart, not per frame).
 */
public final class LatencyWindow {
    private final double[] ring;
    private int next;
    private long count;

    public LatencyWindow(int capacity) {
        this.ring = new double[capacity];
    }

    /** Records one latency in milliseconds. */
    public synchronized void record(double ms) {
        ring[next] = ms;
        next = (next + 1) % ring.length;
        count++;
    }

    /** Number of latencies recorded since creation. */
    public synchronized long count() {
        return count;
    }

    /** The {@code p}-th percentile (0..100) of the window, or NaN when empty. */
    public synchronized double percentile(double p) {
        int n = (int) Math.min(count, ring.length);
        if (n == 0) {
            return Double.NaN;
        }
        double[] sorted = Arrays.copyOf(ring, n);
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * n) - 1;
        return sorted[Math.max(0, Math.min(n - 1, index))];
    }
}
