package dev.edgevision.device.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code homeassistant:} slice: read from YAML, kept through the environment overrides, checked. */
class HomeAssistantConfigTest {
    static final String BASE = "device: {id: d1}\nmodel: {bundle: m.vbundle}\n"
            + "cameras: [{name: desk, uri: 'synthetic://digits'}]\nmqtt: {broker: 'tcp://127.0.0.1:1883'}\n";

    @TempDir
    Path dir;

    @Test
    void theSliceIsReadAndSurvivesTheOverrides() throws Exception {
        ApplianceConfig c = load(BASE + "homeassistant:\n  discovery_prefix: ha\n  labels:\n    desk: ['0', '7']\n");
        assertEquals("ha", c.homeassistant().discoveryPrefix());
        assertEquals(Map.of("desk", List.of("0", "7")), c.homeassistant().labels());
        assertTrue(ApplianceConfig.HomeAssistantSection.on(c.homeassistant()), "on when the slice is there");
        assertNull(load(BASE).homeassistant(), "off without it");
        assertFalse(ApplianceConfig.HomeAssistantSection.on(load(BASE + "homeassistant: {enabled: false}\n")
                .homeassistant()));
        assertEquals(c.homeassistant(), ConfigLoader.override(c, Map.of("EDGEVISION_DEVICE_ID", "d2")).homeassistant());
        ApplianceConfig withUser = load(BASE.replace("tcp://127.0.0.1", "tcp://u:secret@127.0.0.1")
                + "homeassistant: {discovery_prefix: ha}\n");
        assertEquals("ha", withUser.homeassistant().discoveryPrefix(), "kept when the broker URI carries credentials");
        assertTrue(ConfigLoader.describe(c).contains("discovery_prefix: \"ha\"") || ConfigLoader.describe(c)
                .contains("discovery_prefix: ha"), ConfigLoader.describe(c));
    }

    @Test
    void badValuesAreNamed() throws Exception {
        ConfigException e = assertThrows(ConfigException.class, () -> load(BASE
                + "homeassistant:\n  discovery_prefix: 'home/+'\n  labels:\n    garage: ['7']\n    desk: ['a/b']\n"));
        String m = e.getMessage();
        assertTrue(m.contains("homeassistant.discovery_prefix") && m.contains("home/+"), m);
        assertTrue(m.contains("homeassistant.labels.garage names no configured camera"), m);
        assertTrue(m.contains("homeassistant.labels.desk must list labels"), m);
        ConfigException noBroker = assertThrows(ConfigException.class, () -> load(
                "device: {id: d1}\nmodel: {bundle: m.vbundle}\ncameras: [{name: desk, uri: 'synthetic://digits'}]\n"
                        + "homeassistant: {}\n"));
        assertTrue(noBroker.getMessage().contains("homeassistant needs an mqtt slice"), noBroker.getMessage());
    }

    private ApplianceConfig load(String yaml) throws Exception {
        Path file = dir.resolve("c" + System.nanoTime() + ".yaml");
        Files.writeString(file, yaml);
        return ConfigLoader.load(file, Map.of());
    }
}
