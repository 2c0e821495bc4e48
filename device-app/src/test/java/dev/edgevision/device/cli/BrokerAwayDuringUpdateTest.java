package dev.edgevision.device.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.edgevision.device.config.ApplianceConfig;
import dev.edgevision.device.mqtt.Mosquitto;
import dev.edgevision.device.mqtt.MosquittoInstalled;
import dev.edgevision.device.update.BundleServer;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker goes away while the device downloads an update and comes back 3 s later: the job
 * finishes regardless, and its final status reaches a subscriber once the broker is back.
 */
class BrokerAwayDuringUpdateTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Path HOME = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @Test
    void theJobFinishesWhileTheBrokerIsAwayAndItsStatusArrivesAfter() throws Exception {
        MosquittoInstalled.assume();
        System.setProperty("edgevision.home", HOME.toString());
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        byte[] detector = Files.readAllBytes(HOME.resolve("models/digit-detector.vbundle"));
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(detector));
        try (Mosquitto broker = new Mosquitto(Files.createDirectories(dir.resolve("broker")), port,
                     List.of("allow_anonymous true"));
             BundleServer http = new BundleServer()) {
            broker.start();
            http.throttle(300_000);
            String url = http.put("digit-detector.vbundle", detector).toString();
            ApplianceConfig config = new ApplianceConfig(new ApplianceConfig.DeviceSection("away-1"),
                    new ApplianceConfig.ModelSection("models/digits.vbundle", "onnxruntime", null, 1),
                    List.of(new ApplianceConfig.CameraSection("desk", "synthetic://digits?fps=5")),
                    new ApplianceConfig.MqttSection(broker.uri(), null, null, "vision", 0, dir.resolve("spool")
                            .toString(), 1), null,
                    new ApplianceConfig.UpdateSection(true, dir.resolve("updates").toString(), 2, 5000));
            AtomicReference<JsonNode> status = new AtomicReference<>();
            try (ServiceRunner runner = ServiceRunner.start(config, HOME)) {
                MqttClient client = subscriber(broker.uri(), status);
                String doc = "{\"job_id\":\"away\",\"artifact\":{\"url\":\"" + url + "\",\"sha256\":\"" + sha
                        + "\",\"size\":" + detector.length + "}}";
                client.publish("vision/away-1/jobs/away", doc.getBytes(StandardCharsets.UTF_8), 1, true);
                long deadline = System.nanoTime() + 30_000_000_000L;
                while ((status.get() == null || !"downloading".equals(status.get().path("step").asText()))
                        && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertEquals("downloading", status.get().path("step").asText(), "the job started");
                client.disconnectForcibly(100, 100);
                client.close();
                broker.stop();
                Thread.sleep(3000);
                broker.start();
                status.set(null);
                MqttClient again = subscriber(broker.uri(), status);
                long until = System.nanoTime() + 60_000_000_000L;
                while ((status.get() == null || !"succeeded".equals(status.get().path("state").asText()))
                        && System.nanoTime() < until) {
                    Thread.sleep(50);
                }
                assertTrue(status.get() != null && "succeeded".equals(status.get().path("state").asText()),
                        "the final status arrives once the broker is back: " + status.get());
                assertEquals("digit-detector", runner.appliance().models().current().identity().name());
                assertTrue(runner.mqtt().stats().reconnects() >= 1, "the device reconnected: " + runner.mqtt().stats());
                again.disconnect();
                again.close();
            }
        }
    }

    static MqttClient subscriber(String uri, AtomicReference<JsonNode> status) throws Exception {
        MqttClient client = new MqttClient(uri, "away-test-" + System.nanoTime(), new MemoryPersistence());
        client.connect();
        client.subscribe("vision/away-1/jobs/away/status", 1, (topic, message) -> {
            if (message.getPayload().length > 0) {
                status.set(JSON.readTree(new String(message.getPayload(), StandardCharsets.UTF_8)));
            }
        });
        return client;
    }
}
