package dev.edgevision.device.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.edgevision.device.config.ApplianceConfig;
import dev.edgevision.device.homeassistant.Jinja;
import dev.edgevision.device.mqtt.EmbeddedBroker;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import javax.imageio.ImageIO;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The running service with Home Assistant discovery, watched by a subscriber on a real broker as
 * Home Assistant would: the device payload appears and appears again after {@code homeassistant/status}
 * {@code online}; its topics carry what the entities read (status, stats, counts, JPEG snapshots with
 * boxes); the switch's and the number's command templates, rendered as Home Assistant renders them
 * and published on their command topic, disable a camera and set the threshold, and the state
 * templates follow; the snapshot command answers; a camera removed from the configuration has its
 * components removed at the next start, the documented way.
 */
class HomeAssistantOverMqttTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Path HOME = Path.of("..").toAbsolutePath().normalize();
    static final String DISCOVERY = "homeassistant/device/edgevision_ha-1/config";

    @TempDir
    Path dir;

    record Message(String topic, byte[] payload) {
        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            try {
                return JSON.readTree(payload);
            } catch (java.io.IOException e) {
                throw new AssertionError(topic + " is not JSON: " + text(), e);
            }
        }
    }

    final List<Message> messages = new CopyOnWriteArrayList<>();
    final Map<String, Message> latest = new ConcurrentHashMap<>();

    @Test
    void homeAssistantSeesControlsAndLosesARemovedCamera() throws Exception {
        System.setProperty("edgevision.home", HOME.toString());
        try (EmbeddedBroker broker = EmbeddedBroker.start(0)) {
            MqttClient ha = connect(broker.uri(), "home-assistant");
            org.eclipse.paho.client.mqttv3.IMqttMessageListener record = (topic, m) -> {
                Message message = new Message(topic, m.getPayload());
                messages.add(message);
                latest.put(topic, message);
            };
            ha.subscribe(new String[] {"homeassistant/#", "vision/ha-1/#"}, new int[] {1, 1},
                    new org.eclipse.paho.client.mqttv3.IMqttMessageListener[] {record, record});
            try (ServiceRunner runner = ServiceRunner.start(config(broker, List.of("desk", "door")), HOME)) {
                JsonNode discovery = await("the discovery payload", () -> discoveries().size() >= 1
                        && discoveries().get(discoveries().size() - 1).path("cmps").has("door_occupancy"));
                JsonNode cmps = discovery.path("cmps");
                assertTrue(cmps.has("desk_7_count") && cmps.has("desk_7_snapshot") && cmps.has("desk_detection")
                        && cmps.has("threshold") && cmps.has("model") && cmps.has("status") && cmps.has("door_fps"),
                        cmps.toString());

                topicsCarryWhatTheEntitiesRead(cmps);
                eventsPointToTheirSnapshot();

                int before = discoveries().size();
                ha.publish("homeassistant/status", "online".getBytes(StandardCharsets.UTF_8), 1, false);
                await("discovery again after homeassistant/status online", () -> discoveries().size() > before);

                switchTurnsTheCameraOffAndOn(ha, cmps);
                numberSetsTheThreshold(ha, cmps);
                snapshotCommandAnswers(ha);
            }

            messages.clear();
            try (ServiceRunner runner = ServiceRunner.start(config(broker, List.of("desk")), HOME)) {
                await("a payload without the door camera", () -> !discoveries().isEmpty()
                        && !discoveries().get(discoveries().size() - 1).path("cmps").toString().contains("door"));
                List<JsonNode> sent = discoveries();
                JsonNode removal = sent.stream().filter(d -> d.path("cmps").has("door_occupancy")).findFirst()
                        .orElseThrow(() -> new AssertionError("no removal payload: " + sent));
                List<String> doorIds = new ArrayList<>();
                removal.path("cmps").fieldNames().forEachRemaining(id -> {
                    if (id.startsWith("door_")) {
                        doorIds.add(id);
                        assertEquals(1, removal.path("cmps").path(id).size(), "only p: " + removal.path("cmps").path(id));
                    }
                });
                assertTrue(doorIds.contains("door_detection") && doorIds.contains("door_7_snapshot"), doorIds.toString());
                assertTrue(removal.path("cmps").path("desk_occupancy").has("unique_id"), "desk stays whole");
            }
            MqttClient late = connect(broker.uri(), "late-home-assistant");
            List<Message> retained = new CopyOnWriteArrayList<>();
            late.subscribe(DISCOVERY, 1, (topic, m) -> retained.add(new Message(topic, m.getPayload())));
            await("the retained discovery payload", () -> !retained.isEmpty());
            JsonNode kept = retained.get(0).json();
            assertFalse(kept.path("cmps").toString().contains("door"), "no trace of the removed camera: " + kept);
            assertTrue(kept.path("cmps").has("desk_occupancy"));
            late.disconnect();
            late.close();
            ha.disconnect();
            ha.close();
        }
    }

    private void topicsCarryWhatTheEntitiesRead(JsonNode cmps) throws Exception {
        await("a count, a snapshot and stats", () -> latest.containsKey("vision/ha-1/desk/all")
                && latest.containsKey("vision/ha-1/stats") && latest.keySet().stream()
                        .anyMatch(t -> t.matches("vision/ha-1/desk/\\d/snapshot")));
        for (String key : List.of("desk_occupancy", "desk_fps", "status", "desk_detection", "threshold", "model")) {
            String topic = cmps.path(key).path("state_topic").asText();
            assertTrue(latest.containsKey(topic), key + " reads " + topic + ", which the device did not publish");
        }
        String snapshotTopic = latest.keySet().stream().filter(t -> t.matches("vision/ha-1/desk/\\d/snapshot"))
                .findFirst().orElseThrow();
        String label = snapshotTopic.split("/")[3];
        assertEquals(snapshotTopic, cmps.path("desk_" + label + "_snapshot").path("image_topic").asText());
        assertTrue(latest.containsKey(cmps.path("desk_" + label + "_count").path("state_topic").asText()),
                "the count of " + label);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(latest.get(snapshotTopic).payload()));
        assertTrue(image != null && image.getWidth() > 100, "the snapshot is a JPEG");
        assertTrue(colouredPixels(image) > 50, "boxes are drawn on the (grey) page: " + colouredPixels(image));
        List<String> rendered = Jinja.render(List.of(
                new Jinja.Job(cmps.path("desk_fps").path("value_template").asText(),
                        latest.get("vision/ha-1/stats").text()),
                new Jinja.Job(cmps.path("status").path("value_template").asText(),
                        latest.get("vision/ha-1/status").text()),
                new Jinja.Job(cmps.path("model").path("value_template").asText(),
                        latest.get("vision/ha-1/status").text())));
        assertTrue(Double.parseDouble(rendered.get(0)) >= 0, rendered.toString());
        assertTrue(List.of("online", "degraded", "starting").contains(rendered.get(1)), rendered.toString());
        assertEquals("digits", JSON.readTree(rendered.get(2)).path("title").asText(), rendered.toString());
    }

    private void eventsPointToTheirSnapshot() throws Exception {
        await("an event showing its snapshot", () -> messages.stream().anyMatch(m ->
                m.topic().endsWith("/events") && m.json().path("after").path("has_snapshot").asBoolean()));
        Message shown = messages.stream().filter(m -> m.topic().endsWith("/events")
                && m.json().path("after").path("has_snapshot").asBoolean()).findFirst().orElseThrow();
        JsonNode event = shown.json();
        JsonNode after = event.path("after");
        String camera = shown.topic().split("/")[2];
        assertEquals("vision/ha-1/" + camera + "/" + after.path("label").asText() + "/snapshot",
                after.path("snapshot_topic").asText(), event.toString());
        assertTrue(after.path("snapshot_ts").asText().endsWith("Z"), event.toString());
        assertTrue(event.path("before").has("has_snapshot"), event.toString());
    }

    private void switchTurnsTheCameraOffAndOn(MqttClient ha, JsonNode cmps) throws Exception {
        JsonNode sw = cmps.path("desk_detection");
        List<String> commands = Jinja.render(List.of(new Jinja.Job(sw.path("command_template").asText(), "OFF"),
                new Jinja.Job(sw.path("command_template").asText(), "ON")));
        ha.publish(sw.path("command_topic").asText(), commands.get(0).getBytes(StandardCharsets.UTF_8), 1, false);
        await("the desk camera disabled in the status", () -> statusOf("desk").equals("disabled"));
        assertEquals("OFF", Jinja.render(List.of(new Jinja.Job(sw.path("value_template").asText(),
                latest.get("vision/ha-1/status").text()))).get(0));
        ha.publish(sw.path("command_topic").asText(), commands.get(1).getBytes(StandardCharsets.UTF_8), 1, false);
        await("the desk camera enabled again", () -> !statusOf("desk").equals("disabled"));
        assertEquals("ON", Jinja.render(List.of(new Jinja.Job(sw.path("value_template").asText(),
                latest.get("vision/ha-1/status").text()))).get(0));
    }

    private void numberSetsTheThreshold(MqttClient ha, JsonNode cmps) throws Exception {
        JsonNode number = cmps.path("threshold");
        String command = Jinja.render(List.of(new Jinja.Job(number.path("command_template").asText(), "0.42"))).get(0);
        ha.publish(number.path("command_topic").asText(), command.getBytes(StandardCharsets.UTF_8), 1, false);
        await("the threshold 0.42 in the status", () -> latest.containsKey("vision/ha-1/status")
                && Math.abs(latest.get("vision/ha-1/status").json().path("threshold").asDouble() - 0.42) < 1e-9);
        assertEquals("0.42", Jinja.render(List.of(new Jinja.Job(number.path("value_template").asText(),
                latest.get("vision/ha-1/status").text()))).get(0));
    }

    private void snapshotCommandAnswers(MqttClient ha) throws Exception {
        ha.publish("vision/ha-1/cmd/snapshot", "{\"request_id\":\"s1\",\"camera\":\"door\"}"
                .getBytes(StandardCharsets.UTF_8), 1, false);
        ha.publish("vision/ha-1/cmd/snapshot", "{\"request_id\":\"s2\",\"camera\":\"garage\"}"
                .getBytes(StandardCharsets.UTF_8), 1, false);
        await("both snapshot answers", () -> answer("s1") != null && answer("s2") != null);
        JsonNode ok = answer("s1");
        assertTrue(ok.path("ok").asBoolean(), ok.toString().substring(0, Math.min(400, ok.toString().length())));
        byte[] jpeg = Base64.getDecoder().decode(ok.path("result").path("jpeg_base64").asText());
        assertEquals(ok.path("result").path("bytes").asInt(), jpeg.length);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(jpeg));
        assertEquals(ok.path("result").path("width").asInt(), image.getWidth());
        assertEquals("image/jpeg", ok.path("result").path("content_type").asText());
        JsonNode unknown = answer("s2");
        assertFalse(unknown.path("ok").asBoolean());
        assertEquals("not_found", unknown.path("error").path("code").asText(), unknown.toString());
        System.out.printf("snapshot command: %d x %d, %d bytes of JPEG%n", image.getWidth(), image.getHeight(),
                jpeg.length);
    }

    private JsonNode answer(String id) {
        return messages.stream().filter(m -> m.topic().equals("vision/ha-1/cmd/snapshot/response"))
                .map(Message::json).filter(j -> j.path("request_id").asText().equals(id)).findFirst().orElse(null);
    }

    private String statusOf(String camera) {
        Message status = latest.get("vision/ha-1/status");
        return status == null ? "" : status.json().path("camera_states").path(camera).path("state").asText();
    }

    private List<JsonNode> discoveries() {
        return messages.stream().filter(m -> m.topic().equals(DISCOVERY) && m.payload().length > 0)
                .map(Message::json).toList();
    }

    private static int colouredPixels(BufferedImage image) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                int p = image.getRGB(x, y);
                int r = (p >> 16) & 0xFF;
                int g = (p >> 8) & 0xFF;
                int b = p & 0xFF;
                if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 80) {
                    n++;
                }
            }
        }
        return n;
    }

    private JsonNode await(String what, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(done.getAsBoolean(), "waited 30 s for " + what + "; topics seen: " + latest.keySet());
        List<JsonNode> d = discoveries();
        return d.isEmpty() ? null : d.get(d.size() - 1);
    }

    /** desk: one page of three digits, filmed again and again; door: a new synthetic scene every frame. */
    private ApplianceConfig config(EmbeddedBroker broker, List<String> cameras) throws java.io.IOException {
        Path page = dir.resolve("page");
        if (!java.nio.file.Files.isDirectory(page)) {
            java.nio.file.Files.createDirectories(page);
            dev.edgevision.core.frame.Frame frame = new dev.edgevision.core.frame.Frame();
            dev.edgevision.camera.synthetic.SyntheticScene.fromUri("synthetic://digits?seed=21&digits=3..3&rotate=0"
                    + "&noise=1").render(2, frame);
            java.nio.file.Files.write(page.resolve("000.png"), dev.edgevision.core.io.PngImages.encode(frame));
        }
        List<ApplianceConfig.CameraSection> sections = cameras.stream().map(c -> new ApplianceConfig.CameraSection(c,
                c.equals("desk") ? page.toUri() + "?fps=5&loop=true" : "synthetic://digits?fps=5")).toList();
        return new ApplianceConfig(new ApplianceConfig.DeviceSection("ha-1"),
                new ApplianceConfig.ModelSection("models/digits.vbundle", "onnxruntime", null, 1), sections,
                new ApplianceConfig.MqttSection(broker.uri(), null, null, "vision", 0, dir.resolve("spool").toString(),
                        1), null, new ApplianceConfig.UpdateSection(false, null, null, null), null,
                new ApplianceConfig.HomeAssistantSection(true, null, null));
    }

    private static MqttClient connect(String uri, String id) throws Exception {
        MqttClient client = new MqttClient(uri, id + "-" + System.nanoTime(), new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMaxInflight(1000);
        client.connect(options);
        return client;
    }
}
