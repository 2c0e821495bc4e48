package dev.edgevision.device.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.edgevision.device.mqtt.EmbeddedBroker;
import dev.edgevision.device.update.BundleServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code appliance run} in a process of its own is killed with SIGKILL while an update runs, at the
 * start of each step and at random moments, then started again: every job ends (resumed), and the
 * model served is always a verified one: the new model if the job succeeded, the old one if not.
 * Prints the table of kill points and outcomes.
 */
class KillDuringUpdateTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Path HOME = Path.of("..").toAbsolutePath().normalize();
    static final List<String> TERMINAL = List.of("succeeded", "failed", "rejected", "canceled");

    @TempDir
    Path dir;

    final Map<String, JsonNode> lastStatus = new ConcurrentHashMap<>();
    volatile String servingModel;

    record Outcome(String killedAt, String diedIn, String state, String code, String serving, boolean resumed,
            boolean endedBeforeKill) {
    }

    @Test
    void killingTheServiceAtAnyStepLeavesAVerifiedModelAndAnEndedJob() throws Exception {
        byte[] detector = Files.readAllBytes(HOME.resolve("models/digit-detector.vbundle"));
        List<String> points = new ArrayList<>(List.of("downloading", "verifying", "preparing", "validating",
                "activating", "probation"));
        Random random = new Random(11);
        points.add("random " + (2500 + random.nextInt(7000)) + " ms");
        points.add("random " + (2500 + random.nextInt(7000)) + " ms");
        List<Outcome> outcomes = new ArrayList<>();
        try (EmbeddedBroker broker = EmbeddedBroker.start(0); BundleServer http = new BundleServer()) {
            http.throttle(400_000);
            String url = http.put("digit-detector.vbundle", detector).toString();
            MqttClient client = client(broker.uri());
            for (int i = 0; i < points.size(); i++) {
                outcomes.add(killAndRestart(client, broker.uri(), "kill-" + i, points.get(i), url, sha(detector),
                        detector.length));
            }
            client.disconnect();
            client.close();
        }
        System.out.println("\nkill -9 during an update, then restart (probation 3 s, download at 400 kB/s):");
        System.out.printf("%-18s %-12s %-10s %-28s %-15s %s%n", "killed at", "died in", "job", "code", "serving",
                "resumed (or ended before the kill)");
        for (Outcome o : outcomes) {
            System.out.printf("%-18s %-12s %-10s %-28s %-15s %s%n", o.killedAt(), o.diedIn(), o.state(),
                    o.code() == null ? "-" : o.code(), o.serving(), o.endedBeforeKill() ? "ended before" : o.resumed());
        }
        for (Outcome o : outcomes) {
            assertTrue(TERMINAL.contains(o.state()), o.toString());
            assertTrue(o.resumed() || o.endedBeforeKill(),
                    "the restarted service says it resumed the job, unless it had ended before the kill: " + o);
            assertEquals(o.state().equals("succeeded") ? "digit-detector" : "digits", o.serving(),
                    "serving a verified model, the one the job's outcome says: " + o);
        }
        assertEquals("succeeded", outcomes.get(0).state(), "a download cut by a kill resumes and finishes");
        assertEquals("restarted_during_probation", outcomes.get(5).code(), "a kill in probation rolls back");
    }

    private Outcome killAndRestart(MqttClient client, String broker, String jobId, String point, String url,
            String sha, long size) throws Exception {
        Path state = dir.resolve(jobId);
        Path config = writeConfig(state, broker);
        servingModel = null;
        Process first = start(config, state.resolve("first.log"));
        try {
            awaitServing("digits", first);
            publishJob(client, jobId, url, sha, size);
            String diedIn = point.startsWith("random") ? killAfter(first, jobId, Long.parseLong(point.split(" ")[1]))
                    : killAt(first, jobId, point);
            JsonNode atKill = lastStatus.get(jobId);
            boolean endedBeforeKill = atKill != null && TERMINAL.contains(atKill.path("state").asText());
            servingModel = null;
            Process second = start(config, state.resolve("second.log"));
            try {
                JsonNode end = awaitTerminal(jobId, second, endedBeforeKill);
                String expected = end.path("state").asText().equals("succeeded") ? "digit-detector" : "digits";
                awaitServing(expected, second);
                return new Outcome(point, diedIn, end.path("state").asText(), end.path("error").path("code")
                        .asText(null), servingModel, end.path("resumed").asBoolean(), endedBeforeKill);
            } finally {
                second.destroy();
                second.waitFor(20, TimeUnit.SECONDS);
                second.destroyForcibly();
                client.publish("vision/kill-1/jobs/" + jobId, new byte[0], 1, true);
            }
        } finally {
            first.destroyForcibly();
        }
    }

    private String killAt(Process p, String jobId, String step) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            JsonNode s = lastStatus.get(jobId);
            if (s != null && (step.equals(s.path("step").asText()) || TERMINAL.contains(s.path("state").asText()))) {
                break;
            }
            Thread.sleep(2);
        }
        p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        JsonNode s = lastStatus.get(jobId);
        return s == null ? "?" : s.path("step").asText(s.path("state").asText());
    }

    private String killAfter(Process p, String jobId, long millis) throws Exception {
        Thread.sleep(millis);
        p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        JsonNode s = lastStatus.get(jobId);
        return s == null ? "queued" : s.path("step").asText(s.path("state").asText());
    }

    private Path writeConfig(Path state, String broker) throws Exception {
        Files.createDirectories(state);
        Path config = state.resolve("appliance.yaml");
        Files.writeString(config, String.join("\n",
                "device:", "  id: kill-1",
                "model:", "  bundle: " + HOME.resolve("models/digits.vbundle"), "  backend: onnxruntime", "  threads: 1",
                "cameras:", "  - name: desk", "    uri: synthetic://digits?fps=10",
                "mqtt:", "  broker: " + broker, "  spool_dir: " + state.resolve("spool"), "  stats_seconds: 1",
                "update:", "  state_dir: " + state.resolve("updates"), "  probation_s: 3", "  latency_budget_ms: 5000",
                ""));
        return config;
    }

    private static Process start(Path config, Path log) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx512m", "-XX:TieredStopAtLevel=1", "-Dedgevision.home=" + HOME,
                "-cp", System.getProperty("java.class.path"), ApplianceCli.class.getName(), "run", "--config",
                config.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private void awaitServing(String model, Process p) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!model.equals(servingModel) && System.nanoTime() < deadline && p.isAlive()) {
            Thread.sleep(20);
        }
        assertEquals(model, servingModel, "records from " + model + " (process alive: " + p.isAlive() + ")");
    }

    private JsonNode awaitTerminal(String jobId, Process p, boolean endedBeforeKill) throws InterruptedException {
        long deadline = System.nanoTime() + 90_000_000_000L;
        while (System.nanoTime() < deadline && p.isAlive()) {
            JsonNode s = lastStatus.get(jobId);
            if (s != null && TERMINAL.contains(s.path("state").asText())
                    && (endedBeforeKill || s.path("resumed").asBoolean())) {
                return s;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("job " + jobId + " did not end after the restart: " + lastStatus.get(jobId));
    }

    private MqttClient client(String broker) throws Exception {
        MqttClient client = new MqttClient(broker, "kill-test", new MemoryPersistence());
        client.connect();
        client.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) throws Exception {
                String text = new String(message.getPayload(), StandardCharsets.UTF_8);
                if (text.isEmpty()) {
                    return;
                }
                JsonNode node = JSON.readTree(text);
                if (topic.endsWith("/detections")) {
                    servingModel = node.path("model").path("name").asText();
                } else {
                    lastStatus.put(node.path("job_id").asText(), node);
                }
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
            }
        });
        client.subscribe(new String[] {"vision/kill-1/desk/detections", "vision/kill-1/jobs/+/status"},
                new int[] {0, 1});
        return client;
    }

    private static void publishJob(MqttClient client, String id, String url, String sha, long size) throws Exception {
        String doc = "{\"job_id\":\"" + id + "\",\"artifact\":{\"url\":\"" + url + "\",\"sha256\":\"" + sha
                + "\",\"size\":" + size + "},\"probation_s\":3}";
        client.publish("vision/kill-1/jobs/" + id, doc.getBytes(StandardCharsets.UTF_8), 1, true);
    }

    static String sha(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
