package dev.edgevision.device.homeassistant;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.edgevision.device.mqtt.Topics;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The device's Home Assistant discovery message, in the single-payload device form: one retained
 * JSON on {@code <discovery_prefix>/device/<object_id>/config}.
 *
 * <p>Facts relied on, from Home Assistant's MQTT documentation (integrations/mqtt, "Device discovery
 * payload", and each platform's page; HA 2024.11 and later):
 * <ul>
 *   <li>the root must hold {@code dev} (device: {@code ids}, {@code name}, {@code mf}, {@code mdl},
 *       {@code sw}) and {@code o} (origin: {@code name} required, {@code sw}); the shared options
 *       {@code availability}, {@code qos}, {@code state_topic}, {@code command_topic},
 *       {@code encoding} may sit there too and apply to every component;</li>
 *   <li>{@code cmps} maps component ids to configs; each needs {@code p} (platform) and, for
 *       entities, {@code unique_id}; the documented way to remove one component is to publish the
 *       payload with that component reduced to {@code {"p": platform}}, then again without it;</li>
 *   <li>{@code object_id} is deprecated (2025.10, gone in 2026.4): {@code default_entity_id}
 *       ({@code <platform>.<object id>}) suggests the entity id instead;</li>
 *   <li>Home Assistant announces itself with {@code online} on {@code homeassistant/status}: the
 *       payload is then sent again;</li>
 *   <li>required per platform: {@code binary_sensor} and {@code sensor} a {@code state_topic};
 *       {@code switch} and {@code number} a {@code command_topic} ({@code command_template} shapes
 *       what is sent; the number's {@code payload_reset} "None" makes the state unknown);
 *       {@code image} an {@code image_topic} (raw bytes; {@code content_type}, default
 *       {@code image/jpeg}) or a {@code url_topic}; {@code update} reads {@code state_topic} whose
 *       template may render JSON with {@code installed_version}, {@code latest_version},
 *       {@code title} and {@code in_progress}.</li>
 * </ul>
 *
 * <p>Templates are Jinja: {@code value_json.update} would be the dictionary's own {@code update}
 * method, so keys that name a dict method are read as {@code value_json['update']}.
 */
public final class DiscoveryPayload {
    /** The origin name, in {@code o.name}, and the first part of every unique id. */
    public static final String ORIGIN = "edgevision";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern CAMERA = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final String BUSY = "['queued', 'in_progress']";

    /**
     * What the payload describes.
     *
     * @param deviceId the device's id (topics, records)
     * @param softwareVersion the device application's version
     * @param cameras the cameras, in order
     * @param labels per camera, the labels that get a count sensor and a snapshot image
     * @param statsSeconds the stats interval; FPS sensors expire after three of them
     * @param removed components to remove (id to platform), published reduced to their platform
     */
    public record Inputs(String deviceId, String softwareVersion, List<String> cameras,
            Map<String, List<String>> labels, long statsSeconds, Map<String, String> removed) {
    }

    private final Topics topics;
    private final Inputs in;
    private final String deviceSlug;
    private final Map<String, ObjectNode> components = new LinkedHashMap<>();

    private DiscoveryPayload(Topics topics, Inputs in) {
        this.topics = topics;
        this.in = in;
        this.deviceSlug = slug(in.deviceId());
    }

    /** Builds the payload for a device whose topics are {@code topics}. */
    public static DiscoveryPayload build(Topics topics, Inputs in) {
        DiscoveryPayload p = new DiscoveryPayload(topics, in);
        for (String camera : in.cameras()) {
            if (CAMERA.matcher(camera).matches()) {
                p.camera(camera, in.labels().getOrDefault(camera, List.of()));
            }
        }
        p.device();
        return p;
    }

    /** The discovery topic: {@code <prefix>/device/edgevision_<device>/config}. */
    public static String topic(String discoveryPrefix, String deviceId) {
        return discoveryPrefix + "/device/" + objectId(deviceId) + "/config";
    }

    /** The device part of the discovery topic, {@code edgevision_<device>}, made of [A-Za-z0-9_-]. */
    public static String objectId(String deviceId) {
        return ORIGIN + "_" + slug(deviceId);
    }

    /** The components, by id, to their platform ({@code removed} ones left out). */
    public Map<String, String> platforms() {
        Map<String, String> platforms = new LinkedHashMap<>();
        components.forEach((id, c) -> platforms.put(id, c.get("p").asText()));
        return platforms;
    }

    /** The message: {@code dev}, {@code o}, shared availability and QoS, {@code cmps}. */
    public ObjectNode json() {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode dev = root.putObject("dev");
        dev.putArray("ids").add(objectId(in.deviceId()));
        dev.put("name", "Edge vision " + in.deviceId());
        dev.put("mf", ORIGIN);
        dev.put("mdl", "edge vision appliance");
        dev.put("sw", in.softwareVersion());
        ObjectNode origin = root.putObject("o");
        origin.put("name", ORIGIN);
        origin.put("sw", in.softwareVersion());
        ArrayNode availability = root.putArray("availability");
        availability.addObject().put("topic", topics.status())
                .put("value_template", "{{ 'offline' if value_json.state == 'offline' else 'online' }}");
        root.put("qos", 1);
        ObjectNode cmps = root.putObject("cmps");
        components.forEach(cmps::set);
        in.removed().forEach((id, platform) -> {
            if (!components.containsKey(id)) {
                cmps.putObject(id).put("p", platform);
            }
        });
        return root;
    }

    /** {@link #json()} as bytes. */
    public byte[] bytes() {
        return json().toString().getBytes(StandardCharsets.UTF_8);
    }

    private void camera(String camera, List<String> labels) {
        String c = slug(camera);
        ObjectNode occupancy = entity(c + "_occupancy", "binary_sensor", camera + " occupancy");
        occupancy.put("device_class", "occupancy");
        occupancy.put("state_topic", topics.allCount(camera));
        occupancy.put("value_template", "{{ 'ON' if (value | int(0)) > 0 else 'OFF' }}");
        for (String label : labels) {
            if (Topics.levelProblem(label) != null || label.equals(Topics.ALL)) {
                continue;
            }
            String l = slug(label);
            ObjectNode count = entity(c + "_" + l + "_count", "sensor", camera + " " + label + " count");
            count.put("state_topic", topics.label(camera, label));
            count.put("state_class", "measurement");
            count.put("icon", "mdi:counter");
            ObjectNode image = entity(c + "_" + l + "_snapshot", "image", camera + " " + label + " snapshot");
            image.put("image_topic", topics.snapshot(camera, label));
            image.put("content_type", "image/jpeg");
        }
        ObjectNode enabled = entity(c + "_detection", "switch", camera + " detection");
        enabled.put("command_topic", topics.command("set"));
        enabled.put("command_template", "{\"request_id\": \"ha-" + camera + "-{{ value }}\", \"camera\": \"" + camera
                + "\", \"enabled\": {{ 'true' if value == 'ON' else 'false' }}}");
        enabled.put("state_topic", topics.status());
        enabled.put("value_template", "{% set s = value_json.camera_states['" + camera + "']"
                + " if value_json.camera_states is defined and '" + camera + "' in value_json.camera_states else {} %}"
                + "{{ 'OFF' if s.state is defined and s.state == 'disabled' else 'ON' }}");
        enabled.put("icon", "mdi:cctv");
        ObjectNode fps = entity(c + "_fps", "sensor", camera + " FPS");
        fps.put("state_topic", topics.stats());
        fps.put("value_template", "{{ value_json.cameras['" + camera + "'].fps if value_json.cameras is defined and '"
                + camera + "' in value_json.cameras else 0 }}");
        fps.put("unit_of_measurement", "fps");
        fps.put("state_class", "measurement");
        fps.put("entity_category", "diagnostic");
        fps.put("expire_after", Math.max(30, 3 * in.statsSeconds()));
    }

    private void device() {
        ObjectNode status = entity("status", "sensor", "Status");
        status.put("state_topic", topics.status());
        status.put("value_template", "{{ value_json.state }}");
        status.put("entity_category", "diagnostic");
        status.put("icon", "mdi:eye-check");
        ObjectNode threshold = entity("threshold", "number", "Threshold");
        threshold.put("command_topic", topics.command("set"));
        threshold.put("command_template", "{\"request_id\": \"ha-threshold\", \"threshold\": {{ value }}}");
        threshold.put("state_topic", topics.status());
        threshold.put("value_template", "{{ value_json.threshold if value_json.threshold is defined else 'None' }}");
        threshold.put("min", 0.0);
        threshold.put("max", 1.0);
        threshold.put("step", 0.01);
        threshold.put("mode", "slider");
        threshold.put("entity_category", "config");
        ObjectNode model = entity("model", "update", "Model");
        model.put("state_topic", topics.status());
        model.put("value_template", "{% if value_json.model %}"
                + "{% set u = value_json['update'] if 'update' in value_json and value_json['update'] else {} %}"
                + "{% set busy = 'state' in u and u['state'] in " + BUSY + " %}"
                + "{{ {'installed_version': value_json.model.version,"
                + " 'latest_version': u['version'] if busy and 'version' in u else value_json.model.version,"
                + " 'title': value_json.model.name, 'in_progress': busy} | to_json }}"
                + "{% else %}{}{% endif %}");
        model.put("entity_category", "diagnostic");
    }

    private ObjectNode entity(String id, String platform, String name) {
        ObjectNode c = JSON.createObjectNode();
        c.put("p", platform);
        c.put("name", name);
        String uniqueId = ORIGIN + "_" + deviceSlug + "_" + id;
        c.put("unique_id", uniqueId);
        c.put("default_entity_id", platform + "." + uniqueId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_"));
        components.put(id, c);
        return c;
    }

    /**
     * {@code name} as [A-Za-z0-9_-]: kept when it already is, else the other characters become
     * {@code _} and a short hash of the name is appended, so different names stay different.
     */
    static String slug(String name) {
        if (SAFE.matcher(name).matches()) {
            return name;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return name.replaceAll("[^A-Za-z0-9_-]", "_") + "_" + HexFormat.of().formatHex(hash, 0, 3);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
