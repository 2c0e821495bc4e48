package dev.edgevision.device.pins;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.edgevision.device.config.PinsSection;
import dev.edgevision.device.status.DeviceStatus;
import dev.edgevision.device.status.UpdateHealth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The status LED on Pi4J's mock plugin: the pattern each state shows, sampled every 50 ms for 2 s. */
class LedPatternTest {
    static DeviceStatus status(String state, UpdateHealth update) {
        return new DeviceStatus(state, "1", null, null, List.of("cam0"), null, null, null, update);
    }

    /** The LED as 40 samples 50 ms apart: '#' lit, '.' dark. */
    static String trace(MockPins m, Pins pins, DeviceStatus status) throws PinException {
        pins.onStatus(status);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            pins.tick();
            s.append(m.high("4") ? '#' : '.');
            m.advance(50);
        }
        return s.toString();
    }

    @Test
    void eachStateHasItsPattern() throws Exception {
        MockPins m = new MockPins();
        PinsSection config = new PinsSection("mock", null, new PinsSection.Led("4", false), null, null);
        try (Pins pins = Pins.open(config, m.lines, (c, r) -> { }, m.now::get, m.wall::get, false)) {
            assertEquals("##########..........##########..........", trace(m, pins, status("starting", null)),
                    "starting: 500 ms on, 500 off");
            assertEquals("#".repeat(40), trace(m, pins, status("online", null)), "running: steady");
            assertEquals("##..##..##..##..##..##..##..##..##..##..", trace(m, pins, status("degraded", null)),
                    "degraded: 100 ms on, 100 off");
            assertEquals("##...##.............##...##.............", trace(m, pins, status("online",
                    new UpdateHealth("job-1", "in_progress", "downloading", null, null))), "updating: two blinks");
            assertEquals("#".repeat(40), trace(m, pins, status("online", new UpdateHealth("job-1", "succeeded",
                    null, null, null))), "a finished job: running again");
            assertEquals(".".repeat(40), trace(m, pins, status("offline", null)), "offline: dark");
        }
    }

    @Test
    void activeLowLedIsLitLowAndDarkAfterClose() throws Exception {
        MockPins m = new MockPins();
        PinsSection config = new PinsSection("mock", null, new PinsSection.Led("4", true), null, null);
        Pins pins = Pins.open(config, m.lines, (c, r) -> { }, m.now::get, m.wall::get, false);
        pins.onStatus(status("online", null));
        pins.tick();
        assertEquals(false, m.high("4"), "lit: driven low");
        assertEquals(LedPattern.RUNNING, pins.led().pattern());
        pins.close();
    }
}
