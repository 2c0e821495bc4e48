package dev.edgevision.device.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.edgevision.device.config.ApplianceConfig;
import dev.edgevision.device.mqtt.EmbeddedBroker;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stats topic of the running service carries per-stage latency, the host's figures and the process's memory. */
class StatsOverMqttTest {
    static final Path HOME = Path.of("..").toAbsolutePath().normalize();
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void statsNameStagesHostAndProcess() throws Exception {
        System.setProperty("edgevision.home", HOME.toString());
        AtomicReference<JsonNode> stats = new AtomicReference<>();
        try (EmbeddedBroker broker = EmbeddedBroker.start(0)) {
            MqttClient client = new MqttClient(broker.uri(), "stats-test", new MemoryPersistence());
            client.connect();
            client.subscribe("vision/st-1/stats", (topic, message) -> stats.set(JSON.readTree(message.getPayload())));
            ApplianceConfig config = new ApplianceConfig(new ApplianceConfig.DeviceSection("st-1"),
                    new ApplianceConfig.ModelSection("models/digit-detector.vbundle", "onnxruntime", null, 1),
                    List.of(new ApplianceConfig.CameraSection("desk", "synthetic://digits?fps=10")),
                    new ApplianceConfig.MqttSection(broker.uri(), null, null, "vision", 0, dir.resolve("spool")
                            .toString(), 1), null, new ApplianceConfig.UpdateSection(false, null, null, null));
            try (ServiceRunner runner = ServiceRunner.start(config, HOME)) {
                long deadline = System.nanoTime() + 60_000_000_000L;
                while (System.nanoTime() < deadline && (stats.get() == null
                        || stats.get().path("cameras").path("desk").path("processed").asLong() < 5)) {
                    Thread.sleep(100);
                }
            }
            client.disconnect();
            client.close();
        }
        JsonNode s = stats.get();
        assertTrue(s != null && s.path("cameras").path("desk").path("processed").asLong() >= 5, String.valueOf(s));
        JsonNode stages = s.path("cameras").path("desk").path("stages_ms");
        for (String stage : List.of("capture", "preprocess", "inference", "postprocess")) {
            double p50 = stages.path(stage).path("p50").asDouble(-1);
            double p95 = stages.path(stage).path("p95").asDouble(-1);
            assertTrue(p50 >= 0 && p95 >= p50, stage + ": " + stages);
        }
        assertTrue(stages.path("inference").path("p50").asDouble() > 0, "inference takes time: " + stages);
        assertEquals(0, s.path("cameras").path("desk").path("overtaken").asLong(-1), "one worker keeps frame order: " + s);
        assertTrue(s.path("host").path("memory_total_mb").asLong() > 0, "this Linux machine has /proc/meminfo: " + s);
        assertTrue(s.path("process").path("heap_used_mb").asLong() > 0 && s.path("process").path("rss_mb").asLong() > 0
                && s.path("process").path("threads").asInt() > 1, "the process's memory: " + s.path("process"));
    }
}
