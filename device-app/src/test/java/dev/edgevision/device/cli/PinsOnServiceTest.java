package dev.edgevision.device.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import dev.edgevision.device.config.ApplianceConfig;
import dev.edgevision.device.config.PinsSection;
import dev.edgevision.device.mqtt.EmbeddedBroker;
import dev.edgevision.device.pins.LabelOutput;
import dev.edgevision.device.pins.LedPattern;
import dev.edgevision.device.pins.Pi4jLines;
import dev.edgevision.device.pins.Pins;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pins on the real service (Pi4J's mock plugin for the lines, an embedded broker): the status
 * LED goes steady once the service is online, label outputs follow the synthetic camera's digits,
 * and a bouncing press of the trigger button publishes one detection record of a frame captured
 * after the press on {@code vision/{device}/{camera}/trigger}. Every wait is bounded.
 */
class PinsOnServiceTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Path HOME = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @Test
    void aButtonPressPublishesTheNextFramesRecord() throws Exception {
        System.setProperty("edgevision.home", HOME.toString());
        List<PinsSection.Output> outputs = new ArrayList<>();
        for (int digit = 0; digit < 10; digit++) {
            outputs.add(new PinsSection.Output(String.valueOf(digit), "cam0", String.valueOf(20 + digit), 400, 0,
                    false));
        }
        PinsSection pins = new PinsSection("mock", null, new PinsSection.Led("4", false), outputs,
                new PinsSection.Trigger("17", "cam0", 20, true));
        List<JsonNode> triggered = new CopyOnWriteArrayList<>();
        try (EmbeddedBroker broker = EmbeddedBroker.start(0)) {
            MqttClient client = new MqttClient(broker.uri(), "pins-test", new MemoryPersistence());
            client.connect();
            client.subscribe("vision/pin-1/cam0/trigger", 1, (topic, message) ->
                    triggered.add(JSON.readTree(message.getPayload())));
            ApplianceConfig config = new ApplianceConfig(new ApplianceConfig.DeviceSection("pin-1"),
                    new ApplianceConfig.ModelSection("models/digits.vbundle", "onnxruntime", null, 1),
                    List.of(new ApplianceConfig.CameraSection("cam0", "synthetic://digits?fps=10&seed=5")),
                    new ApplianceConfig.MqttSection(broker.uri(), null, null, "vision", 0, dir.toString(), 1), null,
                    new ApplianceConfig.UpdateSection(false, null, null, null), pins);
            assertEquals(List.of(), config.problems());
            Pi4jLines lines;
            try (ServiceRunner runner = ServiceRunner.start(config, HOME)) {
                Pins p = runner.pins();
                lines = (Pi4jLines) p.lines();
                MockDigitalInput button = (MockDigitalInput) lines.digital("17");
                button.mockState(DigitalState.HIGH);
                assertTrue(waitFor(() -> p.led().pattern() == LedPattern.RUNNING
                        && ((DigitalOutput) lines.digital("4")).state() == DigitalState.HIGH, 20_000),
                        "the LED is steady once online: " + p.led().pattern());
                assertTrue(waitFor(() -> p.outputs().stream().anyMatch(o -> o.activations() > 0), 10_000),
                        "an output went active for a digit the camera shows");
                Thread.sleep(300);
                assertEquals(List.of(), triggered, "nothing before a press");

                long pressed = System.currentTimeMillis();
                for (int i = 0; i < 8; i++) {
                    button.mockState(i % 2 == 0 ? DigitalState.LOW : DigitalState.HIGH);
                    Thread.sleep(2);
                }
                button.mockState(DigitalState.LOW);
                assertTrue(waitFor(() -> !triggered.isEmpty(), 10_000), "a record on the trigger topic");
                Thread.sleep(1000);
                button.mockState(DigitalState.HIGH);
                assertEquals(1, triggered.size(), "one record for one bouncing press: " + triggered);
                assertEquals(1, p.trigger().presses());
                JsonNode record = triggered.get(0);
                assertEquals("cam0", record.path("camera").asText());
                assertEquals("pin-1", record.path("device").asText());
                assertTrue(record.path("detections").isArray());
                assertTrue(Instant.parse(record.path("ts").asText()).toEpochMilli() >= pressed,
                        "captured after the press: " + record.path("ts") + " vs " + Instant.ofEpochMilli(pressed));
                List<String> active = p.outputs().stream().filter(o -> o.activations() > 0).map(LabelOutput::label)
                        .toList();
                System.out.println("pins: outputs that went active: " + active + "; trigger record frame "
                        + record.path("frame") + " with " + record.path("detections").size() + " detection(s)");
                long commanded = System.currentTimeMillis();
                JsonNode answer = JSON.valueToTree(runner.appliance().commands().dispatch("trigger",
                        "{\"request_id\": \"t1\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                assertTrue(answer.toString().contains("\"armed\":true"), "the trigger command answers: " + answer);
                assertTrue(waitFor(() -> triggered.size() == 2, 10_000), "the command's capture is published");
                assertTrue(Instant.parse(triggered.get(1).path("ts").asText()).toEpochMilli() >= commanded);
                assertNotNull(lines.digital("4"));
            }
            assertNull(lines.digital("4"), "the lines are released when the service stops");
            client.disconnect();
            client.close();
        }
    }

    private static boolean waitFor(BooleanSupplier condition, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }
}
