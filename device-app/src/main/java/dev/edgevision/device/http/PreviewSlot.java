package dev.edgevision.device.http;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One camera's latest preview JPEG, shared by all its viewers. The pipeline's thread asks
 * {@link #due} (true only while someone watches, at most at the capped rate), encodes once and
 * {@link #publish publishes}; each viewer waits in {@link #next} for a JPEG newer than the one it
 * sent last. The pipeline never waits for a viewer: it only swaps the reference under a lock that
 * viewers hold only while checking it.
 */
final class PreviewSlot {
    /** An encoded frame and its number in this slot. */
    record Jpeg(byte[] bytes, long number) {
    }

    private final Object lock = new Object();
    private final long intervalNanos;
    private final AtomicInteger viewers = new AtomicInteger();
    private final AtomicLong encodes = new AtomicLong();
    private Jpeg latest;
    private long lastEncode = Long.MIN_VALUE / 2;

    /** @param maxFps most frames encoded per second */
    PreviewSlot(double maxFps) {
        // A tenth of slack, so a camera running exactly at the cap is not halved by jitter.
        this.intervalNanos = (long) (0.9e9 / maxFps);
    }

    /** On the pipeline's thread: whether to encode this frame. */
    boolean due(long nowNanos) {
        if (viewers.get() == 0 || nowNanos - lastEncode < intervalNanos) {
            return false;
        }
        lastEncode = nowNanos;
        return true;
    }

    /** On the pipeline's thread: the new JPEG, for every viewer. */
    void publish(byte[] jpeg) {
        encodes.incrementAndGet();
        synchronized (lock) {
            latest = new Jpeg(jpeg, latest == null ? 1 : latest.number() + 1);
            lock.notifyAll();
        }
    }

    /**
     * Waits up to {@code timeoutMillis} for a JPEG numbered after {@code after} (0 for any);
     * returns null if none came.
     */
    Jpeg next(long after, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        synchronized (lock) {
            while (latest == null || latest.number() <= after) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    return null;
                }
                lock.wait(left);
            }
            return latest;
        }
    }

    /** A viewer starts watching. */
    void open() {
        viewers.incrementAndGet();
    }

    /** A viewer has gone. */
    void close() {
        viewers.decrementAndGet();
    }

    int viewers() {
        return viewers.get();
    }

    /** JPEGs encoded since start. */
    long encodes() {
        return encodes.get();
    }
}
