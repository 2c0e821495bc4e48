package dev.edgevision.device.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * The demo's subscriber: prints what arrives on the device's topics, one readable line per
 * detection record and per status message, exactly as any MQTT client would receive them.
 */
final class DemoSubscriber implements MqttCallback, AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MqttClient client;
    private final PrintStream out;
    private final AtomicLong records = new AtomicLong();
    private final AtomicLong detections = new AtomicLong();
    private volatile TruthScore truth;
    private volatile String lastModel;
    private volatile String lastJobLine;

    private DemoSubscriber(MqttClient client, PrintStream out) {
        this.client = client;
        this.out = out;
    }

    static DemoSubscriber start(String broker, String prefix, String device, PrintStream out) throws MqttException {
        MqttClient client = new MqttClient(broker, "demo-subscriber-" + ProcessHandle.current().pid(),
                new MemoryPersistence());
        DemoSubscriber subscriber = new DemoSubscriber(client, out);
        client.setCallback(subscriber);
        MqttConnectOptions options = new MqttConnectOptions();
        options.setAutomaticReconnect(true);
        client.connect(options);
        client.subscribe(prefix + "/" + device + "/#", 0);
        return subscriber;
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        try {
            JsonNode json = JSON.readTree(new String(message.getPayload(), StandardCharsets.UTF_8));
            if (topic.endsWith("/detections")) {
                records.incrementAndGet();
                String model = (json.path("model").path("name").asText() + " " + json.path("model").path("version")
                        .asText()).trim();
                if (!model.equals(lastModel)) {
                    out.println("[model] records now come from " + model + (lastModel == null ? "" : " (was "
                            + lastModel + ")"));
                    lastModel = model;
                }
                TruthScore score = truth;
                out.println(describeRecord(json) + (score == null ? "" : score.score(json)));
            } else if (topic.contains("/jobs/") && topic.endsWith("/status")) {
                long total = json.path("progress").path("total").asLong();
                String shown = json.path("job_id").asText() + " " + json.path("state").asText() + " "
                        + json.path("step").asText() + " " + (total > 0 ? 10 * json.path("progress").path("done")
                        .asLong() / total : 0);
                if (shown.equals(lastJobLine)) {
                    return;
                }
                lastJobLine = shown;
                out.println("[update job " + json.path("job_id").asText() + "] " + json.path("state").asText()
                        + (json.path("step").isTextual() ? " " + json.path("step").asText() : "")
                        + (json.path("step").asText().equals("downloading") ? " " + json.path("progress").path("done")
                        .asLong() + "/" + json.path("progress").path("total").asLong() + " bytes" : "")
                        + (json.path("error").isObject() ? ": " + json.path("error").path("code").asText() + ": "
                        + json.path("error").path("message").asText() : ""));
            } else if (topic.endsWith("/status")) {
                out.println("[" + topic + "] " + json.path("state").asText() + ", model "
                        + json.path("model").path("name").asText() + " " + json.path("model").path("version").asText()
                        + ", backend " + json.path("backend").asText());
            }
        } catch (java.io.IOException e) {
            out.println("[" + topic + "] (not JSON: " + e.getMessage() + ")");
        }
    }

    private String describeRecord(JsonNode r) {
        StringBuilder line = new StringBuilder(String.format("%s frame %5d  %dx%d  %5.1f ms  ", r.path("camera").asText(),
                r.path("frame").asLong(), r.path("width").asInt(), r.path("height").asInt(),
                r.path("latency_ms").path("total").asDouble()));
        JsonNode found = r.path("detections");
        detections.addAndGet(found.size());
        if (found.isEmpty()) {
            line.append("(no digit)");
        }
        for (JsonNode d : found) {
            line.append(String.format("%s %.2f @%d,%d  ", d.path("label").asText(), d.path("score").asDouble(),
                    d.path("box").path("x").asInt(), d.path("box").path("y").asInt()));
        }
        return line.toString().stripTrailing();
    }

    /** Compares what arrives with the synthetic camera's ground truth from now on. */
    void compareWith(TruthScore score) {
        this.truth = score;
    }

    /** The comparison with ground truth, or {@code null} when the camera has none. */
    TruthScore truth() {
        return truth;
    }

    long records() {
        return records.get();
    }

    long detections() {
        return detections.get();
    }

    @Override
    public void connectionLost(Throwable cause) {
        out.println("[subscriber] connection lost: " + cause.getMessage() + " (reconnecting)");
    }

    @Override
    public void deliveryComplete(IMqttDeliveryToken token) {
    }

    @Override
    public void close() {
        try {
            client.disconnect();
            client.close();
        } catch (MqttException e) {
            out.println("[subscriber] " + e.getMessage());
        }
    }
}
