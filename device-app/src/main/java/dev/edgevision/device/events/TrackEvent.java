package dev.edgevision.device.events;

/**
 * One change of a tracked object.
 *
 * @param type {@code new}, {@code update} or {@code end}
 * @param before the object as the previous event showed it ({@code new}: the object now)
 * @param after the object now
 */
public record TrackEvent(String type, TrackedObject before, TrackedObject after) {
}
