package dev.edgevision.camera.capture;

import java.time.Duration;

/**
 * Exponential back-off between attempts to reopen a lost source: {@code initial}, then times
 * {@code factor} per failed attempt, never more than {@code max}. It starts again from
 * {@code initial} once a frame gets through.
 *
 * @param initial wait before the first retry
 * @param max the cap
 * @param factor growth per failed attempt, at least 1
 */
public record Backoff(Duration initial, Duration max, double factor) {
    public Backoff {
        if (initial == null || initial.isNegative() || initial.isZero()) {
            throw new IllegalArgumentException("back-off initial delay must be positive, got " + initial);
        }
        if (max == null || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("back-off max delay " + max + " is below its initial delay " + initial);
        }
        if (!(factor >= 1.0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("back-off factor must be a number >= 1, got " + factor);
        }
    }

    /** Half a second, doubling, at most 30 seconds. */
    public static Backoff defaults() {
        return new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), 2.0);
    }

    /** The wait before retry number {@code failures} (1 after the first failure). */
    public Duration delay(int failures) {
        double nanos = initial.toNanos() * Math.pow(factor, Math.max(0, failures - 1));
        return nanos >= max.toNanos() ? max : Duration.ofNanos((long) nanos);
    }
}
