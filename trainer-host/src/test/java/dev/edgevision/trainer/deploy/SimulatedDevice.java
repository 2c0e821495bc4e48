package dev.edgevision.trainer.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * A device's update agent reduced to the documented job protocol (README, "MQTT" and "Remote
 * model updates"), for fleet tests in one JVM: it publishes its retained status, takes job
 * documents on {@code {prefix}/{id}/jobs/{job}}, downloads the artifact over HTTP, checks its size
 * and sha256 (a mismatch is {@code rejected}), walks the steps, and publishes each change retained
 * on {@code .../jobs/{job}/status}. A device told to fail on a bundle fails it at
 * {@code validating} with {@code validation_failed}. A job id seen before is answered with its
 * status again, as the device does.
 */
final class SimulatedDevice implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] STEPS = {"verifying", "preparing", "validating", "activating", "probation"};

    private final String id;
    private final String prefix;
    private final MqttClient client;
    private final HttpClient http;
    private final ExecutorService worker;
    private final String failOnSha;
    private final long probationMillis;
    private final Map<String, ObjectNode> jobs = new ConcurrentHashMap<>();
    private volatile String model = "digits 1";
    private volatile String step;
    private final java.util.concurrent.atomic.AtomicInteger lost = new java.util.concurrent.atomic.AtomicInteger();

    private SimulatedDevice(String id, String prefix, MqttClient client, HttpClient http, ExecutorService worker,
            String failOnSha, long probationMillis) {
        this.id = id;
        this.prefix = prefix;
        this.client = client;
        this.http = http;
        this.worker = worker;
        this.failOnSha = failOnSha;
        this.probationMillis = probationMillis;
    }

    /** Connects device {@code id}; jobs run on {@code worker}; {@code failOnSha} (or null) is the bundle it fails. */
    static SimulatedDevice start(String broker, String prefix, String id, HttpClient http, ExecutorService worker,
            String failOnSha) throws Exception {
        return start(broker, prefix, id, http, worker, failOnSha, 20);
    }

    /**
     * As {@link #start(String, String, String, HttpClient, ExecutorService, String)}, with a probation
     * of {@code probationMillis}; the device keeps its session and reconnects when the broker goes away.
     */
    static SimulatedDevice start(String broker, String prefix, String id, HttpClient http, ExecutorService worker,
            String failOnSha, long probationMillis) throws Exception {
        MqttClient client = new MqttClient(broker, "sim-" + id, new MemoryPersistence());
        SimulatedDevice device = new SimulatedDevice(id, prefix, client, http, worker, failOnSha, probationMillis);
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(false);
        options.setAutomaticReconnect(true);
        options.setMaxReconnectDelay(2000);
        options.setMaxInflight(100);
        options.setWill(prefix + "/" + id + "/status", "{\"state\":\"offline\",\"reason\":\"lost\"}"
                .getBytes(StandardCharsets.UTF_8), 1, true);
        client.setCallback(device.callback());
        client.connect(options);
        client.publish(prefix + "/" + id + "/status", "{\"state\":\"online\"}".getBytes(StandardCharsets.UTF_8), 1,
                true);
        client.subscribe(prefix + "/" + id + "/jobs/+", 1);
        return device;
    }

    String model() {
        return model;
    }

    /** The step of the job in progress, or null. */
    String step() {
        return step;
    }

    private MqttCallback callback() {
        return new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
                lost.incrementAndGet();
                System.err.println("simulated device " + id + " lost its connection (it reconnects): " + cause);
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                byte[] payload = message.getPayload();
                if (payload.length > 0) {
                    String job = topic.substring(topic.lastIndexOf('/') + 1);
                    worker.execute(() -> take(job, payload));
                }
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
            }
        };
    }

    private void take(String jobId, byte[] payload) {
        ObjectNode known = jobs.get(jobId);
        if (known != null) {
            publish(jobId, known);
            return;
        }
        try {
            JsonNode doc = JSON.readTree(payload);
            JsonNode artifact = doc.path("artifact");
            String sha = artifact.path("sha256").asText();
            long size = artifact.path("size").asLong();
            status(jobId, "queued", null, 0, size, null, null);
            status(jobId, "in_progress", "downloading", 0, size, null, null);
            byte[] bytes = download(jobId, URI.create(artifact.path("url").asText()), size);
            String got = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            if (bytes.length != size || !got.equals(sha)) {
                status(jobId, "rejected", "verifying", bytes.length, size, "hash_mismatch",
                        "the download's sha256 " + got + " is not the job's " + sha);
                return;
            }
            for (String step : STEPS) {
                status(jobId, "in_progress", step, size, size, null, null);
                if (step.equals("validating") && sha.equals(failOnSha)) {
                    status(jobId, "failed", step, size, size, "validation_failed",
                            "reference output 3 differs from the bundle's by 0.4 (more than 1e-2)");
                    return;
                }
                Thread.sleep(step.equals("probation") ? probationMillis : 20);
            }
            model = sha.substring(0, 8);
            status(jobId, "succeeded", "probation", size, size, null, null);
        } catch (Exception e) {
            status(jobId, "failed", "downloading", 0, 0, "download_failed", e.toString());
        }
    }

    private byte[] download(String jobId, URI url, long size) throws Exception {
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(60))
                .GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            throw new java.io.IOException("the server answered " + response.statusCode());
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (InputStream in = response.body()) {
            byte[] buffer = new byte[64 * 1024];
            long reported = 0;
            int n;
            while ((n = in.read(buffer)) > 0 && out.size() <= size) {
                out.write(buffer, 0, n);
                if (out.size() - reported >= size / 4) {
                    status(jobId, "in_progress", "downloading", out.size(), size, null, null);
                    reported = out.size();
                }
            }
        }
        return out.toByteArray();
    }

    private void status(String jobId, String state, String step, long done, long total, String code, String message) {
        ObjectNode s = JSON.createObjectNode();
        s.put("job_id", jobId);
        s.put("source", "mqtt");
        s.put("state", state);
        if (step != null) {
            s.put("step", step);
        }
        s.putObject("progress").put("done", done).put("total", total);
        s.put("message", message);
        if (code != null) {
            s.putObject("error").put("code", code).put("message", message);
        }
        s.put("resumed", false);
        jobs.put(jobId, s);
        this.step = state.equals("in_progress") ? step : null;
        publish(jobId, s);
    }

    /** Publishes the job's status, retrying for up to 30 s while the broker is away. */
    private void publish(String jobId, ObjectNode s) {
        Exception last = null;
        for (int attempt = 0; attempt < 300; attempt++) {
            try {
                client.publish(prefix + "/" + id + "/jobs/" + jobId + "/status", JSON.writeValueAsBytes(s), 1, true);
                return;
            } catch (Exception e) {
                last = e;
                try {
                    Thread.sleep(100);
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        throw new IllegalStateException("device " + id + " could not publish its job status for 30 s", last);
    }

    /** How often the device lost its connection to the broker. */
    int connectionsLost() {
        return lost.get();
    }

    /**
     * Disconnects and closes; a device caught reconnecting (its broker dropped it) is closed by
     * force rather than failing with "connect already in progress".
     */
    @Override
    public void close() throws Exception {
        if (client.isConnected()) {
            client.disconnect(1000);
        }
        client.close(true);
    }
}
