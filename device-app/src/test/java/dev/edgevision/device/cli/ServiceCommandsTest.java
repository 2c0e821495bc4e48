package dev.edgevision.device.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.edgevision.device.command.CommandResponse;
import dev.edgevision.device.config.ConfigLoader;
import dev.edgevision.device.mqtt.EmbeddedBroker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * set, reload and restart on the running service: the threshold changes what is reported, a
 * disabled camera stops publishing and shows as disabled, a bad file leaves the running
 * configuration in place, a good one is applied or named as needing a restart, restart stops cleanly.
 */
class ServiceCommandsTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Path HOME = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    Path config(String broker, String threshold, String cameraUri) throws Exception {
        Path file = dir.resolve("appliance.yaml");
        Files.writeString(file, String.join("\n", "device:", "  id: set-1", "model:",
                "  bundle: " + HOME.resolve("models/digits.vbundle"), "  backend: onnxruntime", "  threads: 1",
                "  threshold: " + threshold, "cameras:", "  - name: desk", "    uri: " + cameraUri, "mqtt:",
                "  broker: " + broker, "  spool_dir: " + dir.resolve("spool"), "update:", "  enabled: false", ""));
        return file;
    }

    static CommandResponse send(ServiceRunner runner, String name, String json) {
        return runner.appliance().commands().dispatch(name, json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void setReloadAndRestartChangeTheRunningServiceAsTheySay() throws Exception {
        System.setProperty("edgevision.home", HOME.toString());
        try (EmbeddedBroker broker = EmbeddedBroker.start(0)) {
            Path file = config(broker.uri(), "0.5", "synthetic://digits?fps=10");
            ServiceRunner runner = ServiceRunner.start(ConfigLoader.load(file, Map.of()), HOME,
                    () -> ConfigLoader.load(file, Map.of()));
            try {
                CommandResponse set = send(runner, "set", "{\"request_id\":\"1\",\"threshold\":0.97}");
                assertTrue(set.ok(), String.valueOf(set.error()));
                assertTrue(runner.appliance().models().awaitSwapped(java.time.Duration.ofSeconds(10)));
                assertEquals(0.97, runner.appliance().models().current().threshold(), 1e-9);

                CommandResponse off = send(runner, "set", "{\"request_id\":\"2\",\"camera\":\"desk\",\"enabled\":false}");
                assertTrue(off.ok(), String.valueOf(off.error()));
                Thread.sleep(600);
                long processed = runner.appliance().pipelines().get(0).processed();
                Thread.sleep(800);
                assertEquals(processed, runner.appliance().pipelines().get(0).processed(), "a disabled camera is idle");
                assertEquals("disabled", runner.appliance().status().cameraStates().get("desk").state());
                assertEquals("online", runner.appliance().status().state(), "disabled is not degraded");
                assertTrue(send(runner, "set", "{\"request_id\":\"3\",\"camera\":\"desk\",\"enabled\":true}").ok());

                assertTrue(send(runner, "set", "{\"request_id\":\"4\",\"detections_qos\":1}").ok());
                assertEquals(1, runner.mqtt().detectionsQos());
                assertEquals("bad_request", send(runner, "set", "{\"request_id\":\"5\",\"threshold\":\"high\"}")
                        .error().code());
                assertEquals("not_found", send(runner, "set", "{\"request_id\":\"6\",\"camera\":\"attic\","
                        + "\"enabled\":true}").error().code());

                Files.writeString(file, "device: [unclosed\n");
                CommandResponse bad = send(runner, "reload", "{\"request_id\":\"7\"}");
                assertEquals("bad_config", bad.error().code());
                assertTrue(bad.error().message().contains("the running one stays"), bad.error().message());
                assertEquals(0.97, runner.appliance().models().current().threshold(), 1e-9);

                config(broker.uri(), "0.6", "synthetic://digits?fps=5");
                CommandResponse good = send(runner, "reload", "{\"request_id\":\"8\"}");
                assertTrue(good.ok(), String.valueOf(good.error()));
                JsonNode result = JSON.valueToTree(good.result());
                assertEquals(List.of("model.threshold"), JSON.convertValue(result.path("applied"), List.class));
                assertEquals(List.of("cameras"), JSON.convertValue(result.path("restart_needed"), List.class));
                assertTrue(runner.appliance().models().awaitSwapped(java.time.Duration.ofSeconds(10)));
                assertEquals(0.6, runner.appliance().models().current().threshold(), 1e-9);

                assertTrue(send(runner, "restart", "{\"request_id\":\"9\"}").ok());
                Thread waiter = new Thread(() -> {
                    try {
                        runner.appliance().awaitEnd();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                waiter.start();
                waiter.join(15_000);
                assertFalse(waiter.isAlive(), "restart stops the pipelines, so 'run' returns and systemd starts it again");
            } finally {
                runner.close();
            }
        }
    }
}
