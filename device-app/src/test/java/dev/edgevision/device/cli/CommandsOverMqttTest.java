package dev.edgevision.device.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.edgevision.device.config.ApplianceConfig;
import dev.edgevision.device.mqtt.EmbeddedBroker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The running service answers commands on vision/{device}/cmd/{name}/response (or the request's
 * response_topic): the status, and errors for malformed, unknown and oversized requests, after
 * which it still publishes detections.
 */
class CommandsOverMqttTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void theServiceAnswersEveryCommandAndKeepsRunning() throws Exception {
        Path home = Path.of("..").toAbsolutePath().normalize();
        System.setProperty("edgevision.home", home.toString());
        Map<String, JsonNode> responses = new ConcurrentHashMap<>();
        List<String> detections = new CopyOnWriteArrayList<>();
        try (EmbeddedBroker broker = EmbeddedBroker.start(0)) {
            MqttClient client = new MqttClient(broker.uri(), "commands-test", new MemoryPersistence());
            client.connect();
            client.subscribe(new String[] {"vision/cmd-1/cmd/+/response", "replies/me", "vision/cmd-1/desk/detections"},
                    new int[] {1, 1, 0}, null);
            client.setCallback(new org.eclipse.paho.client.mqttv3.MqttCallback() {
                @Override
                public void connectionLost(Throwable cause) {
                }

                @Override
                public void messageArrived(String topic, MqttMessage message) throws Exception {
                    if (topic.endsWith("/detections")) {
                        detections.add(topic);
                        return;
                    }
                    JsonNode node = JSON.readTree(new String(message.getPayload(), StandardCharsets.UTF_8));
                    String id = node.path("request_id").asText("none");
                    responses.put(topic + " " + id + " " + node.path("command").asText()
                            + node.path("error").path("code").asText(""), node);
                }

                @Override
                public void deliveryComplete(org.eclipse.paho.client.mqttv3.IMqttDeliveryToken token) {
                }
            });
            ApplianceConfig config = new ApplianceConfig(new ApplianceConfig.DeviceSection("cmd-1"),
                    new ApplianceConfig.ModelSection("models/digits.vbundle", "onnxruntime", null, 1),
                    List.of(new ApplianceConfig.CameraSection("desk", "synthetic://digits?fps=5")),
                    new ApplianceConfig.MqttSection(broker.uri(), null, null, "vision", 0, dir.toString(), 1));
            try (ServiceRunner runner = ServiceRunner.start(config, home)) {
                String statusKey = "vision/cmd-1/cmd/status/response r1 status";
                long deadline = System.nanoTime() + 20_000_000_000L;
                while (!responses.containsKey(statusKey) && System.nanoTime() < deadline) {
                    send(client, "vision/cmd-1/cmd/status", "{\"request_id\":\"r1\"}");
                    Thread.sleep(300);
                }
                JsonNode status = responses.get(statusKey);
                assertTrue(status != null, "no answer to the status command: " + responses.keySet());
                assertTrue(status.path("ok").asBoolean(), status.toString());
                assertEquals("digits", status.path("result").path("model").path("name").asText(), status.toString());
                assertEquals(List.of("desk"), JSON.convertValue(status.path("result").path("cameras"), List.class));

                send(client, "vision/cmd-1/cmd/status", "{\"request_id\":");
                send(client, "vision/cmd-1/cmd/self-destruct", "{\"request_id\":\"r2\"}");
                send(client, "vision/cmd-1/cmd/status", "{\"request_id\":\"r3\",\"response_topic\":\"replies/me\"}");
                send(client, "vision/cmd-1/cmd/status", "{\"request_id\":\"r4\",\"pad\":\"" + "x".repeat(70_000) + "\"}");
                int before = detections.size();
                long wait = System.nanoTime() + 15_000_000_000L;
                while (responses.size() < 5 && System.nanoTime() < wait) {
                    Thread.sleep(50);
                }
                JsonNode badJson = responses.get("vision/cmd-1/cmd/status/response none statusbad_json");
                assertTrue(badJson != null, responses.keySet().toString());
                assertEquals("bad_json", badJson.path("error").path("code").asText());
                assertFalse(badJson.path("ok").asBoolean());
                JsonNode unknown = responses.get("vision/cmd-1/cmd/self-destruct/response r2 self-destructunknown_command");
                assertEquals("unknown_command", unknown.path("error").path("code").asText(), responses.toString());
                assertTrue(unknown.path("error").path("message").asText().contains("status"));
                JsonNode elsewhere = responses.get("replies/me r3 status");
                assertTrue(elsewhere != null && elsewhere.path("ok").asBoolean(), responses.keySet().toString());
                long tooLarge = responses.values().stream().filter(r -> "too_large".equals(r.path("error")
                        .path("code").asText())).count();
                assertEquals(1, tooLarge, responses.keySet().toString());
                long until = System.nanoTime() + 10_000_000_000L;
                while (detections.size() < before + 3 && System.nanoTime() < until) {
                    Thread.sleep(50);
                }
                assertTrue(detections.size() >= before + 3, "detections go on after the bad commands");
            }
            client.disconnect();
            client.close();
        }
    }

    static void send(MqttClient client, String topic, String payload) throws Exception {
        client.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, false);
    }
}
