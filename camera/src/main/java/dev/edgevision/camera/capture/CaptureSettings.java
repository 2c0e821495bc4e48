package dev.edgevision.camera.capture;

import java.time.Duration;

/**
 * How sources behave when things go wrong; the same for every URI. Per-URI choices (size, frame
 * rate, transport) are the URI's query parameters.
 *
 * @param backoff waits between attempts to reopen a lost camera or stream
 * @param stallTimeout a live source that delivers no frame for this long is taken as lost and reopened
 * @param openTimeout longest wait for a camera or stream to open (connect, probe, first caps)
 */
public record CaptureSettings(Backoff backoff, Duration stallTimeout, Duration openTimeout) {
    public CaptureSettings {
        if (backoff == null) {
            throw new IllegalArgumentException("capture settings need a back-off");
        }
        requirePositive("stall timeout", stallTimeout);
        requirePositive("open timeout", openTimeout);
    }

    /** Back-off 0.5 s doubling to 30 s; a stream is lost after 5 s without a frame; opening may take 10 s. */
    public static CaptureSettings defaults() {
        return new CaptureSettings(Backoff.defaults(), Duration.ofSeconds(5), Duration.ofSeconds(10));
    }

    public CaptureSettings withBackoff(Backoff newBackoff) {
        return new CaptureSettings(newBackoff, stallTimeout, openTimeout);
    }

    public CaptureSettings withStallTimeout(Duration newStallTimeout) {
        return new CaptureSettings(backoff, newStallTimeout, openTimeout);
    }

    public CaptureSettings withOpenTimeout(Duration newOpenTimeout) {
        return new CaptureSettings(backoff, stallTimeout, newOpenTimeout);
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }
}
