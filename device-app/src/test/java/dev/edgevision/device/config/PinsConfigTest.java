package dev.edgevision.device.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code pins:} slice as YAML: typed values, environment overrides keep it, bad values named. */
class PinsConfigTest {
    @TempDir
    Path dir;

    static final String BASE = ConfigLoaderTest.VALID;

    static final String PINS = """
            pins:
              provider: gpiod
              board: jetson-orin-nano
              led: {pin: "header:7"}
              outputs:
                - {label: "7", pin: "header:11", hold_ms: 800, min_off_ms: 2000, active_low: true}
                - {label: "3", camera: cam0, pin: "gpiochip0:122"}
              trigger: {pin: "header:15", camera: cam0, debounce_ms: 40, active_low: true}
            """;

    ApplianceConfig load(String yaml) throws Exception {
        return ConfigLoader.load(Files.writeString(dir.resolve("appliance.yaml"), yaml), Map.of());
    }

    @Test
    void loadsTheSlice() throws Exception {
        ApplianceConfig c = load(BASE + PINS);
        PinsSection p = c.pins();
        assertEquals("gpiod", p.provider());
        assertEquals("header:7", p.led().pin());
        assertNull(p.led().activeLow());
        assertEquals(new PinsSection.Output("7", null, "header:11", 800, 2000, true), p.outputs().get(0));
        assertEquals("cam0", p.outputs().get(1).camera());
        assertEquals(new PinsSection.Trigger("header:15", "cam0", 40, true), p.trigger());
        assertTrue(ConfigLoader.describe(c).contains("header:11"), "the start-up log shows the pins");
        assertNull(load(BASE).pins(), "no slice, no pins");
        ApplianceConfig inUri = load(BASE.replace("tcp://127.0.0.1:1883", "tcp://me:pw@127.0.0.1:1883")
                .replace("  username: appliance\n", "").replace("  password: s3cret\n", "") + PINS);
        assertEquals(p, inUri.pins(), "kept when the broker URI's credentials are moved out");
    }

    @Test
    void badValuesAreNamed() {
        String bad = """
                pins:
                  provider: wiringpi
                  board: jetson-nano
                  led: {pin: "header:7"}
                  outputs:
                    - {pin: "header:7", hold_ms: 0}
                    - {label: "1", camera: cam9, pin: "header:12", min_off_ms: -5}
                  trigger: {pin: "", debounce_ms: 0}
                """;
        ConfigException e = assertThrows(ConfigException.class, () -> load(BASE + bad));
        String m = e.getMessage();
        for (String expected : new String[] {"pins.provider must be one of [auto, gpiod, pi4j-linuxfs, mock], got"
                + " 'wiringpi'", "pins.board must be one of", "pins.outputs[0].label is missing",
                "pins.outputs[0].pin 'header:7' is used twice", "pins.outputs[0].hold_ms must be 1..3600000",
                "pins.outputs[1].camera 'cam9' is not a configured camera", "pins.outputs[1].min_off_ms must be 0..",
                "pins.trigger.pin is missing", "pins.trigger.camera is missing", "pins.trigger.debounce_ms must be"
                + " 1..5000"}) {
            assertTrue(m.contains(expected), expected + " in: " + m);
        }
        ConfigException unknown = assertThrows(ConfigException.class, () -> load(BASE + "pins:\n  leds: {}\n"));
        assertTrue(unknown.getMessage().contains("unknown key 'pins.leds'"), unknown.getMessage());
    }
}
