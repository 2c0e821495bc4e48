package dev.edgevision.device.pins;

import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import dev.edgevision.core.detect.BoundingBox;
import dev.edgevision.core.detect.Detection;
import dev.edgevision.core.detect.DetectionRecord;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Pins on Pi4J's mock plugin with a clock the test moves, and records made up for them. */
final class MockPins {
    final AtomicLong now = new AtomicLong(1_000);
    final AtomicLong wall = new AtomicLong(1_800_000_000_000L);
    final Pi4jLines lines;

    MockPins() throws PinException {
        lines = Pi4jLines.mock();
    }

    /** Moves both clocks on by {@code ms}. */
    void advance(long ms) {
        now.addAndGet(ms);
        wall.addAndGet(ms);
    }

    /** The physical level of the mock output on {@code pin}: true when high. */
    boolean high(String pin) {
        return ((DigitalOutput) lines.digital(pin)).state() == DigitalState.HIGH;
    }

    /** Sets the mock input on {@code pin}. */
    void input(String pin, boolean high) {
        ((MockDigitalInput) lines.digital(pin)).mockState(high ? DigitalState.HIGH : DigitalState.LOW);
    }

    /** A record of {@code camera} captured now (wall clock) holding {@code labels}. */
    DetectionRecord record(String camera, long frame, String... labels) {
        List<Detection> detections = Arrays.stream(labels).map(l -> new Detection(l, 0, 0.9,
                new BoundingBox(1, 2, 3, 4))).toList();
        return new DetectionRecord(DetectionRecord.SCHEMA, "dev", camera, "test://", frame,
                Instant.ofEpochMilli(wall.get()).toString(), 64, 48, null, "test", null, detections);
    }
}
