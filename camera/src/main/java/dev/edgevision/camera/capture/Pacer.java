package dev.edgevision.camera.capture;

import java.io.InterruptedIOException;
import java.util.concurrent.locks.LockSupport;

/**
 * Holds a producer to real time: a fixed frame rate, or the timestamps of a recording. A producer
 * that falls behind carries on from now instead of rushing to catch up. Not thread-safe: one per
 * capture thread.
 */
public final class Pacer {
    private static final long LATE_RESYNC_NANOS = 1_000_000_000L;
    private static final long GAP_RESYNC_NANOS = 10_000_000_000L;
    private final long intervalNanos;
    private long nextNanos = Long.MIN_VALUE;
    private long originNanos;
    private double originSeconds = Double.NaN;

    private Pacer(long intervalNanos) {
        this.intervalNanos = intervalNanos;
    }

    /** Never waits: frames go as fast as they are consumed. */
    public static Pacer unpaced() {
        return new Pacer(0);
    }

    /** One frame every {@code 1/fps} seconds; {@code fps <= 0} means unpaced. */
    public static Pacer fps(double fps) {
        return new Pacer(fps > 0 ? Math.round(1e9 / fps) : 0);
    }

    public boolean paced() {
        return intervalNanos > 0;
    }

    /** Waits for the next slot of the fixed frame rate. */
    public void awaitNextFrame() throws InterruptedIOException {
        if (intervalNanos == 0) {
            return;
        }
        long now = System.nanoTime();
        if (nextNanos == Long.MIN_VALUE || now - nextNanos > intervalNanos) {
            nextNanos = now;
        }
        sleepUntil(nextNanos);
        nextNanos += intervalNanos;
    }

    /** Waits until {@code seconds} of media time have passed since the first frame seen (or a resync). */
    public void awaitMediaTime(double seconds) throws InterruptedIOException {
        long now = System.nanoTime();
        long due = Double.isNaN(originSeconds) ? now : originNanos + Math.round((seconds - originSeconds) * 1e9);
        if (Double.isNaN(originSeconds) || now - due > LATE_RESYNC_NANOS || due - now > GAP_RESYNC_NANOS) {
            originNanos = now;
            originSeconds = seconds;
            return;
        }
        sleepUntil(due);
    }

    /**
     * Forgets the media-time origin, as after a reopen or a loop back to the start (a recording's
     * timestamps begin again). A fixed frame rate keeps its rhythm: a loop over one image still
     * comes at the rate, and after a longer gap (a reopen with back-off) the next frame goes at
     * once, as it would anyway.
     */
    public void restart() {
        originSeconds = Double.NaN;
    }

    private static void sleepUntil(long dueNanos) throws InterruptedIOException {
        long remaining;
        while ((remaining = dueNanos - System.nanoTime()) > 0) {
            LockSupport.parkNanos(remaining);
            if (Thread.interrupted()) {
                throw new InterruptedIOException("interrupted while waiting for the next frame time");
            }
        }
    }
}
