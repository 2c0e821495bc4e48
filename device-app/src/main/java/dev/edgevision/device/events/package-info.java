/**
 * Detections become tracked objects, and tracked objects become events: {@code new} once a track is
 * confirmed, {@code update} when it changes, {@code end} when it has not been seen for a grace
 * period, with before/after objects in the shape Frigate's users know.
 */
package dev.edgevision.device.events;
