package dev.edgevision.device.events;

import java.time.Duration;

/**
 * How detections are tracked.
 *
 * @param minIou least overlap for a detection to continue a track of the same label
 * @param minHits frames a track must be seen in before it is confirmed (and its {@code new} event sent)
 * @param grace how long a confirmed track may go unseen before it ends (time, so the same at any frame rate)
 * @param stationaryFraction the box centre moving less than this share of the box size since the
 *     last update counts as standing still
 * @param stationaryAfter how long an object must stand still to be reported stationary
 */
public record TrackerSettings(double minIou, int minHits, Duration grace, double stationaryFraction,
        Duration stationaryAfter) {
    /** IoU 0.3, 3 hits, 1.5 s of grace, 5 % of the box, 10 s. */
    public static TrackerSettings defaults() {
        return new TrackerSettings(0.3, 3, Duration.ofMillis(1500), 0.05, Duration.ofSeconds(10));
    }
}
