package dev.edgevision.device.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.edgevision.device.config.ApplianceConfig;
import dev.edgevision.device.mqtt.EmbeddedBroker;
import dev.edgevision.device.update.BundleServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
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
 * The running service takes model updates over MQTT: a job with an HTTP artifact moves it from the
 * classifier to the detector without a restart, a damaged one is rejected while the detector goes
 * on serving, a bundle sent in chunks over the broker moves it back, and after a restart it serves
 * what the last update installed.
 */
class UpdatesOverMqttTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Path HOME = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    final Map<String, JsonNode> finals = new ConcurrentHashMap<>();
    final List<String> models = new CopyOnWriteArrayList<>();
    volatile String lastModel;
    final List<JsonNode> statuses = new CopyOnWriteArrayList<>();

    @Test
    void jobsSwapTheModelRefuseDamageAndSurviveARestart() throws Exception {
        System.setProperty("edgevision.home", HOME.toString());
        byte[] detector = Files.readAllBytes(HOME.resolve("models/digit-detector.vbundle"));
        byte[] classifier = Files.readAllBytes(HOME.resolve("models/digits.vbundle"));
        try (EmbeddedBroker broker = EmbeddedBroker.start(0); BundleServer http = new BundleServer()) {
            MqttClient client = client(broker.uri(), classifier);
            ApplianceConfig config = new ApplianceConfig(new ApplianceConfig.DeviceSection("upd-1"),
                    new ApplianceConfig.ModelSection("models/digits.vbundle", "onnxruntime", null, 1),
                    List.of(new ApplianceConfig.CameraSection("desk", "synthetic://digits?fps=10")),
                    new ApplianceConfig.MqttSection(broker.uri(), null, null, "vision", 0, dir.resolve("spool")
                            .toString(), 1), null,
                    new ApplianceConfig.UpdateSection(true, dir.resolve("updates").toString(), 2, 2000));
            try (ServiceRunner runner = ServiceRunner.start(config, HOME)) {
                awaitModel("digits");
                URI url = http.put("digit-detector.vbundle", detector);
                job(client, "e2e-1", url.toString(), sha(detector), detector.length);
                JsonNode done = awaitFinal("e2e-1");
                assertEquals("succeeded", done.path("state").asText(), done.toString());
                assertEquals("digit-detector", done.path("model").path("name").asText());
                awaitModel("digit-detector");

                byte[] damaged = detector.clone();
                damaged[damaged.length / 3] ^= 1;
                job(client, "e2e-2", http.put("damaged.vbundle", damaged).toString(), sha(detector), detector.length);
                JsonNode refused = awaitFinal("e2e-2");
                assertEquals("rejected", refused.path("state").asText(), refused.toString());
                assertEquals("hash_mismatch", refused.path("error").path("code").asText());
                long until = System.nanoTime() + 10_000_000_000L;
                while (statuses.stream().noneMatch(UpdatesOverMqttTest::refusedInStatus) && System.nanoTime() < until) {
                    Thread.sleep(50);
                }
                assertTrue(statuses.stream().anyMatch(UpdatesOverMqttTest::refusedInStatus),
                        "the device status names the refused job and why");
                int seen = models.size();
                awaitCount(seen + 5);
                assertTrue(models.subList(seen, models.size()).stream().allMatch("digit-detector"::equals));

                job(client, "e2e-3", "mqtt-chunks:digits.vbundle", sha(classifier), classifier.length);
                JsonNode chunked = awaitFinal("e2e-3");
                assertEquals("succeeded", chunked.path("state").asText(), chunked.toString());
                awaitModel("digits");
            }
            lastModel = null;
            try (ServiceRunner again = ServiceRunner.start(config, HOME)) {
                awaitModel("digits");
                assertEquals("digits", again.appliance().models().current().identity().name());
                assertTrue(again.appliance().models().current().bundle().path().startsWith(dir.resolve("updates")),
                        "served from the model store: " + again.appliance().models().current().bundle().path());
            }
            client.disconnect();
            client.close();
        }
    }

    /**
     * The test's subscriber. The embedded broker (Moquette) now and then drops a connection whose
     * SUBSCRIBE arrives while its session is still being set up ("SUBSCRIBE received on already
     * closed connection"): that setup is tried again, at most three times.
     */
    MqttClient client(String broker, byte[] chunkedBundle) throws Exception {
        for (int attempt = 1; ; attempt++) {
            MqttClient client = new MqttClient(broker, "updates-test-" + attempt, new MemoryPersistence());
            try {
                subscribe(client, chunkedBundle);
                return client;
            } catch (org.eclipse.paho.client.mqttv3.MqttException e) {
                client.close(true);
                if (attempt == 3 || e.getReasonCode() != org.eclipse.paho.client.mqttv3.MqttException.REASON_CODE_CONNECTION_LOST) {
                    throw e;
                }
                System.out.println("the test's subscriber lost its connection while subscribing (" + e
                        + "); connecting again");
                Thread.sleep(200);
            }
        }
    }

    private void subscribe(MqttClient client, byte[] chunkedBundle) throws Exception {
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
                    return;
                }
                if (topic.endsWith("/detections")) {
                    lastModel = JSON.readTree(text).path("model").path("name").asText();
                    models.add(lastModel);
                } else if (topic.endsWith("/status") && topic.contains("/jobs/") && !text.isEmpty()) {
                    JsonNode s = JSON.readTree(text);
                    if (List.of("succeeded", "failed", "rejected", "canceled").contains(s.path("state").asText())) {
                        finals.put(s.path("job_id").asText(), s);
                    }
                } else if (topic.endsWith("/chunks/want")) {
                    long from = JSON.readTree(text).path("from").asLong();
                    String base = topic.substring(0, topic.length() - "want".length());
                    new Thread(() -> sendChunks(client, base, chunkedBundle, from)).start();
                }
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
            }
        });
        client.subscribe(new String[] {"vision/upd-1/desk/detections", "vision/upd-1/jobs/+/status",
            "vision/upd-1/jobs/+/chunks/want", "vision/upd-1/status"}, new int[] {0, 1, 1, 1});
    }

    static void sendChunks(MqttClient client, String base, byte[] bundle, long from) {
        try {
            for (long off = from; off < bundle.length; off += 64 * 1024) {
                int n = (int) Math.min(64 * 1024, bundle.length - off);
                byte[] chunk = java.util.Arrays.copyOfRange(bundle, (int) off, (int) off + n);
                client.publish(base + off, chunk, 1, false);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void job(MqttClient client, String id, String url, String sha, long size) throws Exception {
        String doc = "{\"job_id\":\"" + id + "\",\"operation\":\"update_model\",\"artifact\":{\"url\":\"" + url
                + "\",\"sha256\":\"" + sha + "\",\"size\":" + size + "},\"probation_s\":2}";
        client.publish("vision/upd-1/jobs/" + id, doc.getBytes(StandardCharsets.UTF_8), 1, true);
    }

    JsonNode awaitFinal(String id) throws InterruptedException {
        long deadline = System.nanoTime() + 90_000_000_000L;
        while (!finals.containsKey(id) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(finals.containsKey(id), "job " + id + " did not end: " + finals.keySet());
        return finals.get(id);
    }

    void awaitModel(String name) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!name.equals(lastModel) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(name, lastModel, "records from " + name);
    }

    void awaitCount(int count) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (models.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    static boolean refusedInStatus(JsonNode status) {
        JsonNode u = status.path("update");
        return "e2e-2".equals(u.path("job_id").asText()) && "hash_mismatch".equals(u.path("error_code").asText());
    }

    static String sha(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
