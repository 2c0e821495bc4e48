package dev.edgevision.device.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.edgevision.camera.synthetic.GroundTruth;
import dev.edgevision.camera.synthetic.SyntheticScene;
import dev.edgevision.core.frame.Frame;
import dev.edgevision.core.io.PngImages;
import dev.edgevision.device.config.ApplianceConfig;
import dev.edgevision.device.mqtt.EmbeddedBroker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A camera that films the same page for 4 s (frames enough to confirm tracks on a loaded machine)
 * and then a blank one for 2.5 s: every digit on the page becomes one {@code new} event and one
 * {@code end} event on the events topic, and its label's retained count goes up and back to 0.
 */
class EventsOverMqttTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Path HOME = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @Test
    void aPageSeenThenGoneMakesNewThenEndForEachDigit() throws Exception {
        System.setProperty("edgevision.home", HOME.toString());
        SyntheticScene scene = SyntheticScene.fromUri("synthetic://digits?seed=21&digits=3..3&rotate=0&noise=1");
        Frame page = new Frame();
        List<GroundTruth> truth = scene.render(2, page);
        Frame blank = new Frame();
        List<GroundTruth> none = SyntheticScene.fromUri("synthetic://digits?seed=21&blank=1").render(1, blank);
        assertEquals(List.of(), none);
        Path frames = Files.createDirectories(dir.resolve("frames"));
        for (int i = 0; i < 65; i++) {
            Files.write(frames.resolve(String.format("%03d.png", i)), PngImages.encode(i < 40 ? page : blank));
        }
        List<JsonNode> events = new CopyOnWriteArrayList<>();
        Map<String, String> counts = new ConcurrentHashMap<>();
        try (EmbeddedBroker broker = EmbeddedBroker.start(0)) {
            MqttClient client = new MqttClient(broker.uri(), "events-test", new MemoryPersistence());
            client.connect();
            client.subscribe("vision/ev-1/#", (topic, message) -> {
                String text = new String(message.getPayload(), StandardCharsets.UTF_8);
                if (topic.endsWith("/events")) {
                    events.add(JSON.readTree(text));
                } else if (topic.matches("vision/ev-1/desk/\\d")) {
                    counts.put(topic.substring(topic.lastIndexOf('/') + 1), text);
                }
            });
            ApplianceConfig config = new ApplianceConfig(new ApplianceConfig.DeviceSection("ev-1"),
                    new ApplianceConfig.ModelSection("models/digits.vbundle", "onnxruntime", null, 1),
                    List.of(new ApplianceConfig.CameraSection("desk", frames.toUri() + "?fps=10")),
                    new ApplianceConfig.MqttSection(broker.uri(), null, null, "vision", 0, dir.resolve("spool")
                            .toString(), 1), null, new ApplianceConfig.UpdateSection(false, null, null, null));
            try (ServiceRunner runner = ServiceRunner.start(config, HOME)) {
                runner.appliance().awaitEnd();
                long deadline = System.nanoTime() + 5_000_000_000L;
                while (events.stream().filter(e -> e.path("type").asText().equals("end")).count() < truth.size()
                        && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
            }
            client.disconnect();
            client.close();
        }
        TreeSet<String> labels = new TreeSet<>(truth.stream().map(t -> String.valueOf(t.label())).toList());
        List<JsonNode> news = events.stream().filter(e -> e.path("type").asText().equals("new")).toList();
        List<JsonNode> ends = events.stream().filter(e -> e.path("type").asText().equals("end")).toList();
        assertEquals(truth.size(), news.size(), "one new per digit on the page " + truth + ": " + events);
        assertEquals(truth.size(), ends.size(), "one end per digit: " + events);
        assertEquals(labels, new TreeSet<>(news.stream().map(e -> e.path("after").path("label").asText()).toList()));
        for (JsonNode end : ends) {
            String id = end.path("after").path("id").asText();
            assertTrue(news.stream().anyMatch(n -> n.path("after").path("id").asText().equals(id)), "ends a new: " + id);
            assertTrue(end.path("after").path("top_score").asDouble() >= end.path("after").path("score").asDouble());
        }
        labels.forEach(l -> assertEquals("0", counts.get(l), "the count of " + l + " is back to 0: " + counts));
    }
}
