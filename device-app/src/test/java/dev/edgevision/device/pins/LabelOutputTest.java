package dev.edgevision.device.pins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgevision.device.config.PinsSection;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An output per label on Pi4J's mock plugin, driven by scripted records on a clock the test moves:
 * active while the label is seen, held for hold_ms after, kept off for min_off_ms once released.
 */
class LabelOutputTest {
    @Test
    void outputFollowsTheLabelWithHoldAndMinimumOffTimes() throws Exception {
        MockPins m = new MockPins();
        PinsSection config = new PinsSection("mock", null, null, List.of(
                new PinsSection.Output("7", null, "5", 300, 1000, false)), null);
        try (Pins pins = Pins.open(config, m.lines, (c, r) -> { }, m.now::get, m.wall::get, false)) {
            pins.tick();
            assertFalse(m.high("5"), "inactive before the label is seen");
            pins.onRecord("cam0", m.record("cam0", 1, "3"));
            pins.tick();
            assertFalse(m.high("5"), "another label does nothing");

            pins.onRecord("cam0", m.record("cam0", 2, "7"));
            pins.tick();
            assertTrue(m.high("5"), "active at the first record holding 7");
            for (int i = 0; i < 10; i++) {
                m.advance(100);
                pins.onRecord("cam0", m.record("cam0", 3 + i, "7", "1"));
                pins.tick();
                assertTrue(m.high("5"), "active while 7 is seen, at " + i);
            }
            m.advance(299);
            pins.onRecord("cam0", m.record("cam0", 20));
            pins.tick();
            assertTrue(m.high("5"), "held 299 ms after 7 was last seen");
            m.advance(1);
            pins.tick();
            assertFalse(m.high("5"), "released 300 ms after 7 was last seen");

            m.advance(100);
            pins.onRecord("cam0", m.record("cam0", 21, "7"));
            pins.tick();
            assertFalse(m.high("5"), "kept off: 100 ms of the 1000 ms minimum-off time");
            for (int i = 0; i < 9; i++) {
                m.advance(100);
                pins.onRecord("cam0", m.record("cam0", 22 + i, "7"));
                pins.tick();
                assertEquals(i == 8, m.high("5"), "active again only once 1000 ms have passed, at " + i);
            }
            assertEquals(2, pins.outputs().get(0).activations());
        }
    }

    @Test
    void aLabelSeenOnlyDuringTheMinimumOffTimeDoesNotActivateLater() throws Exception {
        MockPins m = new MockPins();
        PinsSection config = new PinsSection("mock", null, null, List.of(
                new PinsSection.Output("7", null, "5", 200, 1000, false)), null);
        try (Pins pins = Pins.open(config, m.lines, (c, r) -> { }, m.now::get, m.wall::get, false)) {
            pins.onRecord("cam0", m.record("cam0", 1, "7"));
            pins.tick();
            m.advance(200);
            pins.tick();
            assertFalse(m.high("5"));
            m.advance(100);
            pins.onRecord("cam0", m.record("cam0", 2, "7"));
            for (int i = 0; i < 20; i++) {
                m.advance(100);
                pins.tick();
                assertFalse(m.high("5"), "7 was seen 1 frame during the off time and was gone before it ended: " + i);
            }
        }
    }

    @Test
    void activeLowOutputsRestHighAndOnlyTheirCameraCounts() throws Exception {
        MockPins m = new MockPins();
        PinsSection config = new PinsSection("mock", null, null, List.of(
                new PinsSection.Output("7", "door", "6", 500, 0, true)), null);
        Pins pins = Pins.open(config, m.lines, (c, r) -> { }, m.now::get, m.wall::get, false);
        pins.tick();
        assertTrue(m.high("6"), "an active-low relay rests high");
        pins.onRecord("desk", m.record("desk", 1, "7"));
        pins.tick();
        assertTrue(m.high("6"), "another camera's 7 does not count");
        pins.onRecord("door", m.record("door", 1, "7"));
        pins.tick();
        assertFalse(m.high("6"), "energised: driven low");
        pins.close();
        assertTrue(m.lines.digital("6") == null, "released on close");
    }
}
