package dev.edgevision.device.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.edgevision.device.config.ApplianceConfig;
import dev.edgevision.device.mqtt.EmbeddedBroker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A camera that cannot be reached makes the retained status say so, while the other camera publishes. */
class StatusReportsCameraHealthTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void unreachableCameraMakesTheDeviceDegraded() throws Exception {
        Path home = Path.of("..").toAbsolutePath().normalize();
        System.setProperty("edgevision.home", home.toString());
        List<JsonNode> statuses = new CopyOnWriteArrayList<>();
        List<String> detections = new CopyOnWriteArrayList<>();
        try (EmbeddedBroker broker = EmbeddedBroker.start(0)) {
            MqttClient subscriber = new MqttClient(broker.uri(), "status-test", new MemoryPersistence());
            subscriber.connect();
            subscriber.subscribe("vision/health-1/#", (topic, message) -> {
                String payload = new String(message.getPayload(), StandardCharsets.UTF_8);
                if (topic.endsWith("/status")) {
                    statuses.add(JSON.readTree(payload));
                } else if (topic.endsWith("/detections")) {
                    detections.add(topic);
                }
            });
            ApplianceConfig config = new ApplianceConfig(new ApplianceConfig.DeviceSection("health-1"),
                    new ApplianceConfig.ModelSection("models/digits.vbundle", "auto", 0.5, 1),
                    List.of(new ApplianceConfig.CameraSection("desk", "synthetic://digits?fps=5"),
                            new ApplianceConfig.CameraSection("usb", "v4l2:///dev/video97")),
                    new ApplianceConfig.MqttSection(broker.uri(), null, null, "vision", 0, dir.toString(), 1));
            try (ServiceRunner runner = ServiceRunner.start(config, home)) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
                while (System.nanoTime() < deadline && (detections.size() < 3
                        || statuses.stream().noneMatch(StatusReportsCameraHealthTest::degraded))) {
                    Thread.sleep(100);
                }
            }
            // The service publishes its offline status as it closes; give the broker time to deliver
            // it before this subscriber goes away.
            long delivered = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (System.nanoTime() < delivered && (statuses.isEmpty()
                    || !"offline".equals(statuses.get(statuses.size() - 1).path("state").asText()))) {
                Thread.sleep(50);
            }
            subscriber.disconnect();
            subscriber.close();
        }
        JsonNode degraded = statuses.stream().filter(StatusReportsCameraHealthTest::degraded).findFirst()
                .orElseThrow(() -> new AssertionError("no degraded status among " + statuses));
        JsonNode usb = degraded.path("camera_states").path("usb");
        assertTrue(usb.path("last_error").asText().contains("/dev/video97"), usb.toString());
        assertEquals("streaming", degraded.path("camera_states").path("desk").path("state").asText(), degraded.toString());
        assertTrue(detections.stream().allMatch(t -> t.equals("vision/health-1/desk/detections")), detections.toString());
        assertTrue(detections.size() >= 3, "the working camera keeps publishing: " + detections.size());
        assertEquals("offline", statuses.get(statuses.size() - 1).path("state").asText(), "clean shutdown says offline");
    }

    static boolean degraded(JsonNode status) {
        return "degraded".equals(status.path("state").asText())
                && "reconnecting".equals(status.path("camera_states").path("usb").path("state").asText());
    }
}
