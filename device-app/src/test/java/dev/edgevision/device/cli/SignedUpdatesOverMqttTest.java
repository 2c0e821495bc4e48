package dev.edgevision.device.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.edgevision.core.testing.TamperCases;
import dev.edgevision.core.trust.BundleSigner;
import dev.edgevision.device.config.ApplianceConfig;
import dev.edgevision.device.mqtt.EmbeddedBroker;
import dev.edgevision.device.update.BundleServer;
import dev.edgevision.device.update.StoreSnapshot;
import dev.edgevision.device.update.UpdateEngine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The running service with {@code update.trust_store}: it refuses to start on an unsigned bundle,
 * takes a signed update over MQTT, rejects every tampered copy of it with the reason on the job's
 * status topic and in the device status while the detector goes on serving and the model store
 * stays as it was, and after a restart serves (and verifies) what the update installed.
 */
class SignedUpdatesOverMqttTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Path HOME = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    final Map<String, JsonNode> finals = new ConcurrentHashMap<>();
    final List<JsonNode> statuses = new CopyOnWriteArrayList<>();
    volatile String lastModel;

    ApplianceConfig config(String bundle, Path trustStore, String broker) {
        return new ApplianceConfig(new ApplianceConfig.DeviceSection("upd-1"),
                new ApplianceConfig.ModelSection(bundle, "onnxruntime", null, 1),
                List.of(new ApplianceConfig.CameraSection("desk", "synthetic://digits?fps=10")),
                new ApplianceConfig.MqttSection(broker, null, null, "vision", 0, dir.resolve("spool").toString(), 1),
                null, new ApplianceConfig.UpdateSection(true, dir.resolve("updates").toString(), 2, 2000,
                        trustStore.toString(), null));
    }

    @Test
    void signedJobsAreTakenAndEveryTamperedOneIsRejectedInJobAndStatus() throws Exception {
        System.setProperty("edgevision.home", HOME.toString());
        TamperCases.Keys keys = TamperCases.Keys.generate();
        Path trust = keys.writeTrustStore(dir.resolve("trusted-keys"));
        Path digits = dir.resolve("digits.vbundle");
        BundleSigner.sign(HOME.resolve("models/digits.vbundle"), digits, keys.lab(), 1, null);
        Path detector = dir.resolve("digit-detector.vbundle");
        BundleSigner.sign(HOME.resolve("models/digit-detector.vbundle"), detector, keys.lab(), 2, null);
        // Run from classes the service is a development build, which meets every minimum app version
        // (SignedUpdatesTest and BundleVerifierTest refuse that case against version 1.0).
        List<TamperCases.Case> cases = TamperCases.make(detector, keys, 2, dir.resolve("tampered")).stream()
                .filter(c -> !c.tamper().startsWith("needs device software")).toList();
        try (EmbeddedBroker broker = EmbeddedBroker.start(0); BundleServer http = new BundleServer()) {
            IllegalStateException unsigned = assertThrows(IllegalStateException.class, () -> ServiceRunner.start(
                    config("models/digits.vbundle", trust, broker.uri()), HOME));
            assertTrue(unsigned.getMessage().contains("[unsigned]"), unsigned.getMessage());

            MqttClient client = client(broker.uri());
            ApplianceConfig config = config(digits.toString(), trust, broker.uri());
            List<String[]> rows = new ArrayList<>();
            try (ServiceRunner runner = ServiceRunner.start(config, HOME)) {
                awaitModel("digits");
                byte[] bytes = Files.readAllBytes(detector);
                UpdatesOverMqttTest.job(client, "s-1", http.put("det.vbundle", bytes).toString(),
                        UpdatesOverMqttTest.sha(bytes), bytes.length);
                JsonNode done = awaitFinal("s-1");
                assertEquals("succeeded", done.path("state").asText(), done.toString());
                awaitModel("digit-detector");
                Path store = UpdateEngine.storeDir(dir.resolve("updates"));
                Map<String, String> before = StoreSnapshot.of(store);
                int n = 0;
                for (TamperCases.Case c : cases) {
                    String id = "tamper-" + n++;
                    byte[] tampered = Files.readAllBytes(c.bundle());
                    UpdatesOverMqttTest.job(client, id, http.put(id + ".vbundle", tampered).toString(),
                            UpdatesOverMqttTest.sha(tampered), tampered.length);
                    JsonNode end = awaitFinal(id);
                    String code = end.path("error").path("code").asText();
                    JsonNode status = awaitStatus(id);
                    String inStatus = status == null ? "(none)" : status.path("update").path("error_code").asText();
                    rows.add(new String[] {c.tamper(), c.code(), end.path("state").asText() + " " + code
                            + " / status " + inStatus});
                    assertEquals("rejected", end.path("state").asText(), c.tamper() + ": " + end);
                    assertEquals(c.code(), code, c.tamper() + ": " + end);
                    assertEquals(c.code(), inStatus, c.tamper() + ": the device status names the reason");
                }
                TamperCases.print("Service over MQTT with a trust store: tampered bundles (job / device status)", rows);
                assertEquals(before, StoreSnapshot.of(store), "the model store is byte for byte as it was");
                assertEquals("digit-detector", runner.appliance().models().current().identity().name());
                awaitModel("digit-detector");
            }
            lastModel = null;
            try (ServiceRunner again = ServiceRunner.start(config, HOME)) {
                awaitModel("digit-detector");
                assertTrue(again.appliance().models().current().bundle().path().startsWith(dir.resolve("updates")),
                        "served from the model store after verification");
            }
            client.disconnect();
            client.close();
        }
    }

    MqttClient client(String broker) throws Exception {
        MqttClient client = new MqttClient(broker, "signed-updates-test", new MemoryPersistence());
        client.connect();
        client.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) throws Exception {
                String text = new String(message.getPayload(), StandardCharsets.UTF_8);
                if (topic.equals("vision/upd-1/status")) {
                    statuses.add(JSON.readTree(text));
                } else if (topic.endsWith("/detections")) {
                    lastModel = JSON.readTree(text).path("model").path("name").asText();
                } else if (topic.endsWith("/status") && topic.contains("/jobs/") && !text.isEmpty()) {
                    JsonNode s = JSON.readTree(text);
                    if (List.of("succeeded", "failed", "rejected", "canceled").contains(s.path("state").asText())) {
                        finals.put(s.path("job_id").asText(), s);
                    }
                }
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
            }
        });
        client.subscribe(new String[] {"vision/upd-1/desk/detections", "vision/upd-1/jobs/+/status",
            "vision/upd-1/status"}, new int[] {0, 1, 1});
        return client;
    }

    JsonNode awaitFinal(String id) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!finals.containsKey(id) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(finals.containsKey(id), "job " + id + " did not end: " + finals.keySet());
        return finals.get(id);
    }

    JsonNode awaitStatus(String id) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            for (JsonNode s : statuses) {
                if (id.equals(s.path("update").path("job_id").asText()) && "rejected".equals(s.path("update")
                        .path("state").asText())) {
                    return s;
                }
            }
            Thread.sleep(20);
        }
        return null;
    }

    void awaitModel(String name) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!name.equals(lastModel) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(name, lastModel, "records from " + name);
    }
}
