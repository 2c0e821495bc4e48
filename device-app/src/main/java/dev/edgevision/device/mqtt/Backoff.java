package dev.edgevision.device.mqtt;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Delays between connection attempts: the minimum first, doubling after each failure up to the
 * maximum, each shortened by up to a fifth at random so that a fleet of devices does not knock on
 * a restarted broker all at once.
 */
final class Backoff {
    private final long minNanos;
    private final long maxNanos;
    private long current;

    Backoff(Duration min, Duration max) {
        this.minNanos = min.toNanos();
        this.maxNanos = Math.max(minNanos, max.toNanos());
    }

    /** The delay before the next attempt. */
    long nextNanos() {
        current = current == 0 ? minNanos : Math.min(maxNanos, current * 2);
        return current - ThreadLocalRandom.current().nextLong(current / 5 + 1);
    }

    /** After a success: the next failure waits the minimum again. */
    void reset() {
        current = 0;
    }
}
