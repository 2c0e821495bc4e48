package dev.edgevision.device.homeassistant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.edgevision.device.mqtt.Topics;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The discovery payload against Home Assistant's documented schema (the MQTT integration page and
 * each platform's page): required keys per platform, only documented keys and abbreviations, unique
 * ids unique and stable, the documented removal form, no deprecated {@code object_id}, every topic
 * one the device publishes or takes commands on, and the templates rendering what Home Assistant
 * expects from the device's payloads.
 */
class DiscoveryPayloadTest {
    static final ObjectMapper JSON = new ObjectMapper();

    /** Documented abbreviations of the root, device and origin mappings that may be used. */
    static final Set<String> ROOT = Set.of("dev", "device", "o", "origin", "cmps", "components", "availability",
            "avty", "qos", "state_topic", "command_topic", "encoding", "e", "availability_mode", "avty_mode");
    static final Set<String> DEVICE = Set.of("ids", "identifiers", "name", "mf", "manufacturer", "mdl", "model",
            "sw", "sw_version", "hw", "hw_version", "sn", "serial_number", "cu", "configuration_url", "sa",
            "suggested_area", "mdl_id", "model_id", "cns", "connections", "via_device");
    static final Set<String> ORIGIN = Set.of("name", "sw", "sw_version", "url", "support_url");
    static final Set<String> COMMON = Set.of("p", "platform", "name", "unique_id", "default_entity_id", "icon",
            "entity_category", "enabled_by_default", "availability", "availability_mode", "qos", "encoding",
            "json_attributes_topic", "json_attributes_template", "entity_picture");
    /** Per platform: required keys, then the documented keys used here. */
    static final Map<String, List<Set<String>>> PLATFORMS = Map.of(
            "binary_sensor", List.of(Set.of("state_topic"), Set.of("state_topic", "value_template", "device_class",
                    "payload_on", "payload_off", "expire_after", "off_delay", "force_update")),
            "sensor", List.of(Set.of("state_topic"), Set.of("state_topic", "value_template", "device_class",
                    "state_class", "unit_of_measurement", "expire_after", "force_update",
                    "suggested_display_precision")),
            "image", List.of(Set.of("image_topic"), Set.of("image_topic", "content_type", "image_encoding")),
            "switch", List.of(Set.of("command_topic"), Set.of("command_topic", "command_template", "state_topic",
                    "value_template", "payload_on", "payload_off", "state_on", "state_off", "optimistic", "retain",
                    "device_class")),
            "number", List.of(Set.of("command_topic"), Set.of("command_topic", "command_template", "state_topic",
                    "value_template", "min", "max", "step", "mode", "unit_of_measurement", "payload_reset",
                    "optimistic", "retain", "device_class")),
            "update", List.of(Set.of("state_topic"), Set.of("state_topic", "value_template", "latest_version_topic",
                    "latest_version_template", "command_topic", "payload_install", "title", "release_url",
                    "release_summary", "device_class", "display_precision", "retain")));

    static final Topics TOPICS = new Topics("vision", "jet-1");

    static DiscoveryPayload.Inputs inputs(List<String> cameras, Map<String, String> removed) {
        Map<String, List<String>> labels = new LinkedHashMap<>();
        cameras.forEach(c -> labels.put(c, List.of("0", "7", "person")));
        return new DiscoveryPayload.Inputs("jet-1", "1.4.0", cameras, labels, 10, removed);
    }

    @Test
    void everyComponentHasItsPlatformsRequiredKeysAndOnlyDocumentedOnes() {
        JsonNode root = DiscoveryPayload.build(TOPICS, inputs(List.of("desk", "door.2"), Map.of())).json();
        root.fieldNames().forEachRemaining(k -> assertTrue(ROOT.contains(k), "root key " + k));
        root.path("dev").fieldNames().forEachRemaining(k -> assertTrue(DEVICE.contains(k), "dev key " + k));
        root.path("o").fieldNames().forEachRemaining(k -> assertTrue(ORIGIN.contains(k), "o key " + k));
        assertTrue(root.path("o").path("name").isTextual(), "origin name is required");
        assertEquals("edgevision_jet-1", root.path("dev").path("ids").get(0).asText());
        assertEquals(TOPICS.status(), root.path("availability").get(0).path("topic").asText());
        Map<String, Integer> perPlatform = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("cmps").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            assertTrue(e.getKey().matches("[A-Za-z0-9_-]+"), "component id " + e.getKey());
            JsonNode c = e.getValue();
            String platform = c.path("p").asText();
            List<Set<String>> schema = PLATFORMS.get(platform);
            assertTrue(schema != null, "platform " + platform + " of " + e.getKey());
            schema.get(0).forEach(k -> assertTrue(c.hasNonNull(k), e.getKey() + " needs " + k));
            c.fieldNames().forEachRemaining(k -> assertTrue(COMMON.contains(k) || schema.get(1).contains(k),
                    e.getKey() + ": " + k + " is not a documented " + platform + " option"));
            assertTrue(c.path("unique_id").isTextual(), "entities need a unique_id: " + e.getKey());
            assertTrue(c.path("default_entity_id").asText().matches(platform + "\\.[a-z0-9_]+"),
                    c.path("default_entity_id").asText());
            perPlatform.merge(platform, 1, Integer::sum);
        }
        assertFalse(root.toString().contains("object_id"), "object_id is deprecated");
        assertFalse(root.toString().contains("\"obj_id\""), "object_id is deprecated");
        // per camera: occupancy, switch, FPS, and per label a count and an image; the device: status, threshold, model
        assertEquals(Map.of("binary_sensor", 2, "sensor", 2 * 3 + 2 + 1, "image", 2 * 3, "switch", 2, "number", 1,
                "update", 1), perPlatform);
    }

    @Test
    void uniqueIdsAreUniqueAndStableAndTopicsAreTheDevicesOwn() {
        DiscoveryPayload a = DiscoveryPayload.build(TOPICS, inputs(List.of("desk", "door.2", "door_2"), Map.of()));
        DiscoveryPayload b = DiscoveryPayload.build(TOPICS, inputs(List.of("door_2", "desk", "door.2"), Map.of()));
        List<String> ids = a.json().path("cmps").findValuesAsText("unique_id");
        assertEquals(ids.size(), new HashSet<>(ids).size(), "unique ids repeat: " + ids);
        assertEquals(new HashSet<>(ids), new HashSet<>(b.json().path("cmps").findValuesAsText("unique_id")),
                "the same cameras give the same ids, whatever their order");
        assertEquals(a.json().path("cmps").path("desk_7_count"), b.json().path("cmps").path("desk_7_count"));
        Set<String> published = new HashSet<>(List.of(TOPICS.status(), TOPICS.stats()));
        for (String camera : List.of("desk", "door.2", "door_2")) {
            published.add(TOPICS.allCount(camera));
            for (String label : List.of("0", "7", "person")) {
                published.add(TOPICS.label(camera, label));
                published.add(TOPICS.snapshot(camera, label));
            }
        }
        List<String> used = new ArrayList<>();
        for (String key : List.of("state_topic", "image_topic", "topic")) {
            used.addAll(a.json().findValuesAsText(key));
        }
        used.forEach(t -> assertTrue(published.contains(t), t + " is not a topic the device publishes"));
        a.json().findValuesAsText("command_topic").forEach(t -> assertEquals(TOPICS.command("set"), t));
    }

    @Test
    void aRemovedCameraIsSentAsItsPlatformAlone() {
        DiscoveryPayload before = DiscoveryPayload.build(TOPICS, inputs(List.of("desk", "door"), Map.of()));
        Map<String, String> gone = new LinkedHashMap<>(before.platforms());
        DiscoveryPayload.build(TOPICS, inputs(List.of("desk"), Map.of())).platforms().keySet().forEach(gone::remove);
        assertTrue(gone.keySet().stream().allMatch(k -> k.startsWith("door_")), gone.toString());
        JsonNode removal = DiscoveryPayload.build(TOPICS, inputs(List.of("desk"), gone)).json();
        gone.forEach((id, platform) -> {
            JsonNode c = removal.path("cmps").path(id);
            assertEquals(1, c.size(), "only p: " + c);
            assertEquals(platform, c.path("p").asText());
        });
        assertTrue(removal.path("cmps").path("desk_occupancy").has("unique_id"), "the others stay whole");
    }

    @Test
    void theTemplatesRenderWhatHomeAssistantExpectsFromTheDevicesPayloads() throws Exception {
        JsonNode c = DiscoveryPayload.build(TOPICS, inputs(List.of("desk"), Map.of())).json().path("cmps");
        String online = "{\"state\":\"online\",\"model\":{\"name\":\"digits\",\"version\":\"1.2.0\",\"sha256\":\"ab\"},"
                + "\"threshold\":0.4,\"cameras\":[\"desk\"],\"camera_states\":{\"desk\":{\"uri\":\"x\",\"state\":\"streaming\"}}}";
        String disabled = online.replace("streaming", "disabled");
        String updating = online.replace("\"cameras\"", "\"update\":{\"job_id\":\"j\",\"state\":\"in_progress\","
                + "\"step\":\"downloading\",\"version\":\"1.3.0\"},\"cameras\"");
        String starting = "{\"state\":\"starting\",\"model\":null,\"cameras\":[\"desk\"]}";
        String offline = "{\"state\":\"offline\",\"reason\":\"connection lost\"}";
        String stats = "{\"cameras\":{\"desk\":{\"fps\":12.5}}}";
        String avty = DiscoveryPayload.build(TOPICS, inputs(List.of("desk"), Map.of())).json().path("availability")
                .get(0).path("value_template").asText();
        List<Jinja.Job> jobs = List.of(
                new Jinja.Job(avty, online), new Jinja.Job(avty, offline), new Jinja.Job(avty, starting),
                job(c, "desk_occupancy", "value_template", "0"), job(c, "desk_occupancy", "value_template", "2"),
                job(c, "desk_detection", "value_template", online), job(c, "desk_detection", "value_template", disabled),
                job(c, "desk_detection", "value_template", starting),
                job(c, "desk_detection", "command_template", "ON"), job(c, "desk_detection", "command_template", "OFF"),
                job(c, "desk_fps", "value_template", stats), job(c, "desk_fps", "value_template", "{\"cameras\":{}}"),
                job(c, "status", "value_template", online),
                job(c, "threshold", "value_template", online), job(c, "threshold", "value_template", starting),
                job(c, "threshold", "command_template", "0.45"),
                job(c, "model", "value_template", online), job(c, "model", "value_template", updating),
                job(c, "model", "value_template", starting));
        List<String> out = Jinja.render(jobs);
        assertEquals(List.of("online", "offline", "online", "OFF", "ON", "ON", "OFF", "ON"), out.subList(0, 8));
        JsonNode on = JSON.readTree(out.get(8));
        assertEquals("desk", on.path("camera").asText());
        assertTrue(on.path("enabled").isBoolean() && on.path("enabled").asBoolean(), out.get(8));
        assertTrue(on.path("request_id").isTextual());
        assertFalse(JSON.readTree(out.get(9)).path("enabled").asBoolean(), out.get(9));
        assertEquals(List.of("12.5", "0", "online", "0.4", "None"), out.subList(10, 15));
        JsonNode threshold = JSON.readTree(out.get(15));
        assertEquals(0.45, threshold.path("threshold").asDouble(), 1e-9);
        assertTrue(threshold.path("request_id").isTextual());
        JsonNode upToDate = JSON.readTree(out.get(16));
        assertEquals("1.2.0", upToDate.path("installed_version").asText());
        assertEquals("1.2.0", upToDate.path("latest_version").asText());
        assertFalse(upToDate.path("in_progress").asBoolean());
        JsonNode busy = JSON.readTree(out.get(17));
        assertEquals("1.3.0", busy.path("latest_version").asText(), out.get(17));
        assertTrue(busy.path("in_progress").asBoolean());
        assertEquals("{}", out.get(18));
    }

    static Jinja.Job job(JsonNode cmps, String id, String key, String value) {
        String template = cmps.path(id).path(key).asText(null);
        assertTrue(template != null, id + " has no " + key);
        return new Jinja.Job(template, value);
    }
}
