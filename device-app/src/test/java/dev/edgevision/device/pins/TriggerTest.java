package dev.edgevision.device.pins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgevision.core.detect.DetectionRecord;
import dev.edgevision.device.config.PinsSection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The trigger button on Pi4J's mock plugin: a bouncing press makes one capture of the next frame. */
class TriggerTest {
    @Test
    void aBouncingPressMakesOneCaptureOfTheNextFrame() throws Exception {
        MockPins m = new MockPins();
        List<DetectionRecord> published = new CopyOnWriteArrayList<>();
        PinsSection config = new PinsSection("mock", null, null, null,
                new PinsSection.Trigger("17", "cam0", 30, true));
        try (Pins pins = Pins.open(config, m.lines, (c, r) -> published.add(r), m.now::get, m.wall::get, false)) {
            m.input("17", true);
            for (int i = 0; i < 20; i++) {
                pins.tick();
                m.advance(5);
            }
            pins.onRecord("cam0", m.record("cam0", 1));
            assertEquals(List.of(), published, "no press, no capture");

            // Press: the contact bounces for 12 ms (1 ms steps), then stays closed (low) for 200 ms.
            boolean[] bounce = {false, true, false, false, true, false, true, true, false, true, false, false};
            for (boolean high : bounce) {
                m.input("17", high);
                pins.tick();
                m.advance(1);
            }
            DetectionRecord before = m.record("cam0", 2, "4");
            m.input("17", false);
            for (int i = 0; i < 40; i++) {
                pins.tick();
                m.advance(5);
            }
            assertEquals(1, pins.trigger().presses(), "one press from the bouncing contact");
            pins.onRecord("cam0", before);
            assertEquals(List.of(), published, "a frame captured before the press is not the capture");
            pins.onRecord("cam1", m.record("cam1", 9, "1"));
            assertEquals(List.of(), published, "another camera's frame is not the capture");
            DetectionRecord next = m.record("cam0", 3, "7");
            pins.onRecord("cam0", next);
            pins.onRecord("cam0", m.record("cam0", 4, "7"));
            assertEquals(List.of(next), published, "the next frame of cam0, once");

            // Release, bouncing too, then a second clean press.
            for (boolean high : bounce) {
                m.input("17", !high);
                pins.tick();
                m.advance(1);
            }
            m.input("17", true);
            for (int i = 0; i < 20; i++) {
                pins.tick();
                m.advance(5);
            }
            assertEquals(1, pins.trigger().presses(), "releasing is not a press");
            m.input("17", false);
            for (int i = 0; i < 20; i++) {
                pins.tick();
                m.advance(5);
            }
            assertEquals(2, pins.trigger().presses());
            pins.onRecord("cam0", m.record("cam0", 5));
            assertEquals(2, published.size());
        }
    }

    @Test
    void pulsesShorterThanTheDebounceTimeAreNotPresses() {
        Debouncer d = new Debouncer(30);
        long t = 0;
        assertFalse(d.sample(false, t));
        int presses = 0;
        for (int i = 0; i < 100; i++) {
            t += 10;
            presses += d.sample(i % 3 != 0, t) ? 1 : 0;
        }
        assertEquals(0, presses, "20 ms pulses with 10 ms gaps");
        for (int i = 0; i < 4; i++) {
            t += 10;
            presses += d.sample(true, t) ? 1 : 0;
        }
        assertEquals(1, presses, "held for 30 ms");
        assertTrue(d.pressed());
    }
}
