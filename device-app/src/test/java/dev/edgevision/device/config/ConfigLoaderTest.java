package dev.edgevision.device.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    static final String VALID = """
            device:
              id: jetson-01
            model:
              bundle: models/digits.vbundle
              backend: auto
              threshold: 0.6
            cameras:
              - name: cam0
                uri: synthetic://digits?fps=10
            mqtt:
              broker: tcp://127.0.0.1:1883
              username: appliance
              password: s3cret
              detections_qos: 1
            """;

    Path write(String yaml) throws Exception {
        return Files.writeString(dir.resolve("appliance.yaml"), yaml);
    }

    @Test
    void loadsTypedValues() throws Exception {
        ApplianceConfig c = ConfigLoader.load(write(VALID), Map.of());
        assertEquals("jetson-01", c.device().id());
        assertEquals(0.6, c.model().threshold());
        assertEquals("synthetic://digits?fps=10", c.cameras().get(0).uri());
        assertEquals(1, c.mqtt().detectionsQos());
    }

    @Test
    void workersPerCameraAreReadAndChecked() throws Exception {
        assertEquals(ApplianceConfig.ModelSection.DEFAULT_WORKERS, ConfigLoader.load(write(VALID), Map.of()).model()
                .workersOrDefault());
        String two = VALID.replace("  threshold: 0.6\n", "  threshold: 0.6\n  workers: 2\n");
        assertEquals(2, ConfigLoader.load(write(two), Map.of()).model().workersOrDefault());
        for (String bad : List.of("0", "9")) {
            ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(write(
                    VALID.replace("  threshold: 0.6\n", "  threshold: 0.6\n  workers: " + bad + "\n")), Map.of()));
            assertTrue(e.getMessage().contains("model.workers must be 1 to 8 (frames in flight per camera), got " + bad),
                    e.getMessage());
        }
    }

    @Test
    void environmentOverridesSecrets() throws Exception {
        ApplianceConfig c = ConfigLoader.load(write(VALID), Map.of("EDGEVISION_MQTT_PASSWORD", "from-env",
                "EDGEVISION_DEVICE_ID", "nano-7"));
        assertEquals("from-env", c.mqtt().password());
        assertEquals("nano-7", c.device().id());
    }

    @Test
    void describeMasksThePassword() throws Exception {
        String text = ConfigLoader.describe(ConfigLoader.load(write(VALID), Map.of()));
        assertFalse(text.contains("s3cret"), text);
        assertTrue(text.contains("****"), text);
        assertTrue(text.contains("jetson-01"), text);
    }

    @Test
    void everyBadValueIsNamedWithItsKey() throws Exception {
        String bad = VALID.replace("threshold: 0.6", "threshold: 1.5").replace("backend: auto", "backend: gpu")
                .replace("detections_qos: 1", "detections_qos: 3").replace("tcp://127.0.0.1:1883", "127.0.0.1");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(write(bad), Map.of()));
        assertTrue(e.problems().contains("model.threshold must be in [0, 1], got 1.5"), e.problems().toString());
        assertTrue(e.problems().contains("model.backend must be auto, tensorrt or onnxruntime, got 'gpu'"),
                e.problems().toString());
        assertTrue(e.problems().contains("mqtt.detections_qos must be 0, 1 or 2, got 3"), e.problems().toString());
        assertTrue(e.problems().stream().anyMatch(p -> p.startsWith("mqtt.broker must be a tcp:// or ssl://")),
                e.problems().toString());
        assertTrue(e.getMessage().startsWith(dir.resolve("appliance.yaml").toString()), e.getMessage());
    }

    @Test
    void typoInAKeyIsAnErrorNotADefault() throws Exception {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.load(write(VALID.replace("threshold:", "treshold:")), Map.of()));
        assertTrue(e.getMessage().contains("unknown key 'model.treshold'"), e.getMessage());
        assertTrue(e.getMessage().matches(".*near line [67]\\).*"), e.getMessage());
    }

    @Test
    void wrongTypeIsNamed() throws Exception {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.load(write(VALID.replace("threshold: 0.6", "threshold: high")), Map.of()));
        assertTrue(e.getMessage().contains("'model.threshold' has a value of the wrong type"), e.getMessage());
    }

    @Test
    void duplicateCameraNamesAndMissingPiecesAreListed() throws Exception {
        String yaml = """
                device:
                  id: "bad id"
                model:
                  bundle: x.vbundle
                cameras:
                  - name: cam0
                    uri: synthetic://digits
                  - name: cam0
                    uri: /dev/video0
                """;
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(write(yaml), Map.of()));
        assertEquals(3, e.problems().size(), e.problems().toString());
        assertTrue(e.problems().get(0).startsWith("device.id must be"), e.problems().toString());
        assertTrue(e.problems().contains("cameras[1].name 'cam0' is used twice"), e.problems().toString());
        assertTrue(e.problems().get(2).startsWith("cameras[1].uri must be a source URI"), e.problems().toString());
    }

    @Test
    void theShippedExampleIsValid() throws Exception {
        ApplianceConfig c = ConfigLoader.load(Path.of("..", "config", "appliance.example.yaml"), Map.of());
        assertEquals("jetson-01", c.device().id());
        assertEquals(10, c.mqtt().statsSeconds());
    }

    @Test
    void missingFileIsNamed() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.load(dir.resolve("none.yaml"), Map.of()));
        assertTrue(e.getMessage().endsWith("none.yaml: no such file"), e.getMessage());
    }

    @Test
    void theTensorrtSliceLoadsTyped() throws Exception {
        ApplianceConfig c = ConfigLoader.load(write(VALID + """
                tensorrt:
                  precision: int8
                  workspace_mb: 512
                  dla_core: 0
                  cache_dir: /var/lib/edgevision/engines
                  build_timeout: 45m
                  trtexec: /opt/trt/bin/trtexec
                  host_memory: pinned
                """), Map.of());
        assertEquals("int8", c.tensorrt().precision());
        assertEquals(512, c.tensorrt().workspaceMb());
        assertEquals(0, c.tensorrt().dlaCore());
        assertEquals("45m", c.tensorrt().buildTimeout());
        assertEquals("pinned", c.tensorrt().hostMemory());
        assertTrue(ConfigLoader.describe(c).contains("workspace_mb: 512"), ConfigLoader.describe(c));
    }

    @Test
    void badTensorrtValuesAreNamedByKey() throws Exception {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(write(VALID + """
                tensorrt:
                  precision: fp8
                  workspace_mb: 8
                  dla_core: -2
                  build_timeout: soon
                  host_memory: shared
                """), Map.of()));
        assertTrue(e.problems().contains("tensorrt.precision must be auto, fp32, fp16 or int8, got 'fp8'"),
                e.problems().toString());
        assertTrue(e.problems().contains("tensorrt.workspace_mb must be 16..65536 (MiB), got 8"), e.problems().toString());
        assertTrue(e.problems().contains("tensorrt.dla_core must be -1 (no DLA) or a DLA core number (0, 1), got -2"),
                e.problems().toString());
        assertTrue(e.problems().contains("tensorrt.build_timeout must be a duration such as 30m, 90s or 1h, got 'soon'"),
                e.problems().toString());
        assertTrue(e.problems().contains("tensorrt.host_memory must be auto, mapped or pinned, got 'shared'"),
                e.problems().toString());
        ConfigException typo = assertThrows(ConfigException.class, () -> ConfigLoader.load(write(VALID + """
                tensorrt:
                  workspace: 512
                """), Map.of()));
        assertTrue(typo.getMessage().contains("unknown key 'tensorrt.workspace'"), typo.getMessage());
    }
}
