package dev.edgevision.device.mqtt;

import dev.edgevision.device.status.DeviceStatus;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.edgevision.core.io.Redaction;
import dev.edgevision.core.detect.ModelIdentity;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/** The JSON of the status and stats topics (snake_case, as the detection record). */
final class Payloads {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    private Payloads() {
    }

    /**
     * The status message: {@code state, device, software_version, model, backend, cameras, ts}, with
     * {@code reason} when given (why offline) and {@code mqtt} (the publisher's figures) when given.
     */
    static byte[] status(String device, DeviceStatus status, String reason, PublisherStats mqtt) {
        ObjectNode node = statusNode(device, status, reason);
        node.put("ts", now());
        if (mqtt != null) {
            node.set("mqtt", MAPPER.valueToTree(mqtt));
        }
        return bytes(node);
    }

    /**
     * The last will: the status in state offline without a time stamp, since the broker publishes
     * it whenever it notices the device is gone, long after it was made.
     */
    static byte[] will(String device, DeviceStatus status) {
        return bytes(statusNode(device, status.withState(DeviceStatus.OFFLINE), "connection lost"));
    }

    private static ObjectNode statusNode(String device, DeviceStatus status, String reason) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("state", status.state());
        node.put("device", device);
        node.put("software_version", status.softwareVersion());
        node.set("model", MAPPER.valueToTree(status.model()));
        node.put("backend", status.backend());
        if (status.threshold() != null) {
            node.put("threshold", status.threshold());
        }
        if (status.backendReason() != null) {
            node.put("backend_reason", status.backendReason());
        }
        if (status.engine() != null) {
            node.set("engine", MAPPER.valueToTree(status.engine()));
        }
        if (status.update() != null) {
            node.set("update", MAPPER.valueToTree(status.update()));
        }
        node.set("cameras", MAPPER.valueToTree(status.cameras()));
        if (status.cameraStates() != null) {
            node.set("camera_states", MAPPER.valueToTree(new java.util.TreeMap<>(status.cameraStates())));
        }
        if (reason != null) {
            node.put("reason", reason);
        }
        return node;
    }

    /** The stats message: the service's {@code fields}, plus device, ts, the model and the publisher's figures. */
    static byte[] stats(String device, ModelIdentity model, Map<String, ?> fields, PublisherStats mqtt) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("device", device);
        node.put("ts", now());
        node.set("model", MAPPER.valueToTree(model));
        fields.forEach((key, value) -> node.set(key, MAPPER.valueToTree(value)));
        node.set("mqtt", MAPPER.valueToTree(mqtt));
        return bytes(node);
    }

    private static String now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
    }

    /**
     * {@code node} with every string in it (values and field names' values, at any depth) passed
     * through {@link Redaction}: what every status, stats, job and response message goes through.
     */
    static JsonNode redacted(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.fields().forEachRemaining(e -> e.setValue(redacted(e.getValue())));
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, redacted(array.get(i)));
            }
        } else if (node != null && node.isTextual()) {
            String masked = Redaction.text(node.asText());
            return masked.equals(node.asText()) ? node : TextNode.valueOf(masked);
        }
        return node;
    }

    private static byte[] bytes(ObjectNode node) {
        try {
            return MAPPER.writeValueAsBytes(redacted(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an MQTT status or stats message could not be written as JSON", e);
        }
    }
}
