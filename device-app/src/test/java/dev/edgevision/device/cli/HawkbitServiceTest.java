package dev.edgevision.device.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgevision.device.config.ApplianceConfig;
import dev.edgevision.device.config.ConfigException;
import dev.edgevision.device.config.ConfigLoader;
import dev.edgevision.device.update.hawkbit.FakeDdiServer;
import dev.edgevision.device.update.hawkbit.HawkbitSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code update.hawkbit} slice: read and checked, its tokens never printed, the token read from
 * its file; and the running service as a hawkBit target: it answers configData with its attributes
 * and takes a deployment from the fake DDI server onto its running pipeline.
 */
class HawkbitServiceTest {
    static final Path HOME = Path.of("..").toAbsolutePath().normalize();
    static final String TOKEN = "Zq81TargetTokenOfHb1Device";

    @TempDir
    Path dir;

    static final String YAML = """
            device:
              id: hb-1
            model:
              bundle: models/digits.vbundle
            cameras:
              - name: desk
                uri: synthetic://digits?fps=10
            update:
              probation_s: 2
              hawkbit:
                url: http://127.0.0.1:8080
                %s
            """;

    ApplianceConfig load(String hawkbitLines) throws Exception {
        return ConfigLoader.load(Files.writeString(dir.resolve("appliance.yaml"), YAML.formatted(hawkbitLines)),
                Map.of());
    }

    @Test
    void theSliceIsReadWithDefaultsAndItsTokenIsNeverPrinted() throws Exception {
        ApplianceConfig c = load("target_token: " + TOKEN);
        assertTrue(ServiceRunner.updatesWanted(c), "a hawkBit server means updates, broker or not");
        HawkbitSettings s = HawkbitStart.settings(c, dir);
        assertEquals("DEFAULT", s.tenant());
        assertEquals("hb-1", s.controllerId(), "the controller id is the device id by default");
        assertEquals(60, s.poll().toSeconds());
        assertEquals(TOKEN, s.targetToken());
        assertFalse(ConfigLoader.describe(c).contains(TOKEN), ConfigLoader.describe(c));
        assertFalse(c.toString().contains(TOKEN));
        assertFalse(s.toString().contains(TOKEN));
    }

    @Test
    void theTokenIsReadFromItsFile() throws Exception {
        Files.writeString(dir.resolve("token"), TOKEN + "\n");
        ApplianceConfig c = load("token_file: " + dir.resolve("token") + "\n    tenant: fleet\n    poll_s: 30");
        HawkbitSettings s = HawkbitStart.settings(c, dir);
        assertEquals(TOKEN, s.targetToken());
        assertEquals("fleet", s.tenant());
        assertEquals(30, s.poll().toSeconds());
        ApplianceConfig missing = load("token_file: " + dir.resolve("nowhere"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HawkbitStart.settings(missing, dir));
        assertTrue(e.getMessage().contains("update.hawkbit.token_file"), e.getMessage());
    }

    @Test
    void badValuesAreNamed() throws Exception {
        ConfigException none = assertThrows(ConfigException.class, () -> load("tenant: DEFAULT"));
        assertTrue(none.getMessage().contains("exactly one of target_token, token_file"), none.getMessage());
        ConfigException two = assertThrows(ConfigException.class, () -> load("target_token: a\n    gateway_token: b"));
        assertTrue(two.getMessage().contains("got 2"), two.getMessage());
        assertFalse(two.getMessage().contains("gateway_token: b"));
        ConfigException poll = assertThrows(ConfigException.class, () -> load("target_token: a\n    poll_s: 0"));
        assertTrue(poll.getMessage().contains("update.hawkbit.poll_s"), poll.getMessage());
        String bad = YAML.formatted("target_token: a").replace("http://127.0.0.1:8080", "ftp://x");
        ConfigException url = assertThrows(ConfigException.class,
                () -> ConfigLoader.load(Files.writeString(dir.resolve("bad.yaml"), bad), Map.of()));
        assertTrue(url.getMessage().contains("update.hawkbit.url"), url.getMessage());
    }

    @Test
    void theServiceTakesADeploymentOntoItsRunningPipeline() throws Exception {
        System.setProperty("edgevision.home", HOME.toString());
        byte[] detector = Files.readAllBytes(HOME.resolve("models/digit-detector.vbundle"));
        try (FakeDdiServer server = new FakeDdiServer("DEFAULT", "00:00:01")) {
            FakeDdiServer.Target target = server.target("hb-1", TOKEN);
            Path token = Files.writeString(dir.resolve("hawkbit-token"), TOKEN);
            ApplianceConfig config = new ApplianceConfig(new ApplianceConfig.DeviceSection("hb-1"),
                    new ApplianceConfig.ModelSection("models/digits.vbundle", "onnxruntime", null, 1),
                    List.of(new ApplianceConfig.CameraSection("desk", "synthetic://digits?fps=10")), null, null,
                    new ApplianceConfig.UpdateSection(null, dir.resolve("updates").toString(), 2, 2000, null, null,
                            new ApplianceConfig.HawkbitSection(server.url().toString(), null, null, null,
                                    token.toString(), null, 1)));
            try (ServiceRunner runner = ServiceRunner.start(config, HOME)) {
                await(() -> "hb-1".equals(target.attributes.get("device_id")), 20, "the attributes reach the server");
                assertTrue(target.attributes.get("backend").startsWith("onnxruntime"), target.attributes.toString());
                assertTrue(target.attributes.get("model").startsWith("digits "), target.attributes.toString());
                FakeDdiServer.Action action = server.assign("hb-1", server.distributionSet("digit-detector", "2",
                        "digit-detector.vbundle", detector));
                await(() -> !action.status.active(), 120, "the action ends: " + action.feedback);
                assertEquals(FakeDdiServer.ActionStatus.FINISHED, action.status, action.feedback.toString());
                assertEquals("digit-detector", runner.appliance().models().current().identity().name());
                await(() -> target.attributes.get("model").startsWith("digit-detector "), 20,
                        "the server hears of the new model: " + target.attributes);
            }
        }
    }

    static void await(BooleanSupplier condition, int seconds, String what) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + seconds + " s: " + what);
            }
            Thread.sleep(50);
        }
    }
}
