package dev.edgevision.device.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgevision.core.detect.BoundingBox;
import dev.edgevision.core.detect.Detection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Scripted scenes at 10 frames/s: the events are exactly those the script implies. */
class ObjectTrackerTest {
    static Detection seven(double x, double score) {
        return new Detection("7", 7, score, new BoundingBox(x, 100, 40, 60));
    }

    static Detection three(double x) {
        return new Detection("3", 3, 0.8, new BoundingBox(x, 300, 40, 60));
    }

    /** Runs frames 0..n-1 at 100 ms apart and collects the events' types with their object's label. */
    static List<String> run(ObjectTracker tracker, List<List<Detection>> frames) {
        List<String> seen = new ArrayList<>();
        for (int f = 0; f < frames.size(); f++) {
            for (TrackEvent e : tracker.update(1_000_000 + f * 100L, f, frames.get(f))) {
                seen.add(f + ":" + e.type() + ":" + e.after().label());
            }
        }
        return seen;
    }

    @Test
    void anObjectSeenForAWhileIsNewThenEndsAfterTheGracePeriod() {
        List<List<Detection>> frames = new ArrayList<>();
        for (int f = 0; f < 10; f++) {
            frames.add(List.of(seven(100 + f * 0.25, 0.7)));        // drifts less than 5 % of its size
        }
        for (int f = 0; f < 20; f++) {
            frames.add(List.of());
        }
        List<String> events = run(new ObjectTracker(TrackerSettings.defaults()), frames);
        assertEquals(List.of("2:new:7", "25:end:7"), events, "confirmed at its third frame; ended 1.5 s after frame 9");
    }

    @Test
    void aOneFrameFalsePositiveMakesNoEvent() {
        List<List<Detection>> frames = new ArrayList<>();
        frames.add(List.of(three(50)));
        for (int f = 0; f < 30; f++) {
            frames.add(List.of());
        }
        assertEquals(List.of(), run(new ObjectTracker(TrackerSettings.defaults()), frames));
    }

    @Test
    void aBetterScoreAndAMoveAreUpdatesAndAShortGapKeepsTheSameObject() {
        ObjectTracker tracker = new ObjectTracker(TrackerSettings.defaults());
        List<List<Detection>> frames = new ArrayList<>();
        for (int f = 0; f < 4; f++) {
            frames.add(List.of(seven(100, 0.6)));
        }
        frames.add(List.of(seven(100, 0.9)));          // frame 4: a higher top score
        frames.add(List.of());                          // frames 5-9: unseen for 0.5 s, within grace
        frames.add(List.of());
        frames.add(List.of());
        frames.add(List.of());
        frames.add(List.of());
        frames.add(List.of(seven(110, 0.8)));          // frame 10: back, moved by a quarter of its width
        List<String> events = run(tracker, frames);
        assertEquals(List.of("2:new:7", "4:update:7", "10:update:7"), events);
        assertEquals(Map.of("7", 1), tracker.counts());
    }

    @Test
    void twoLabelsAreTwoObjectsAndAStillObjectBecomesStationary() {
        TrackerSettings quick = new TrackerSettings(0.3, 3, Duration.ofMillis(1500), 0.05, Duration.ofSeconds(1));
        ObjectTracker tracker = new ObjectTracker(quick);
        List<TrackEvent> all = new ArrayList<>();
        for (int f = 0; f < 20; f++) {
            all.addAll(tracker.update(f * 100L, f, List.of(seven(100, 0.7), three(400))));
        }
        assertEquals(2, all.stream().filter(e -> e.type().equals("new")).count());
        assertTrue(all.stream().anyMatch(e -> e.type().equals("update") && e.after().stationary()
                && !e.before().stationary()), "standing still for 1 s makes it stationary: " + all);
        assertEquals(Map.of("3", 1, "7", 1), tracker.counts());
        TrackEvent first = all.get(0);
        assertEquals(first.before(), first.after(), "a new event's before is the object itself");
        assertTrue(first.after().id().startsWith("0-"), first.after().id());
    }
}
