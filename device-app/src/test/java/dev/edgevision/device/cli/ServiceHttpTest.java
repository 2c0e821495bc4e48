package dev.edgevision.device.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgevision.device.config.ConfigException;
import dev.edgevision.device.config.ConfigLoader;
import dev.edgevision.device.mqtt.EmbeddedBroker;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service as {@code run} starts it from a file with an {@code http:} slice: the server answers with MQTT's figures. */
class ServiceHttpTest {
    static final Path HOME = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @org.junit.jupiter.api.BeforeAll
    static void home() {
        System.setProperty("edgevision.home", HOME.toString());
    }

    Path config(String broker, String http) throws Exception {
        Path file = dir.resolve("appliance.yaml");
        Files.writeString(file, String.join("\n", "device:", "  id: http-2", "model:",
                "  bundle: " + HOME.resolve("models/digits.vbundle"), "  backend: onnxruntime", "  threads: 1",
                "cameras:", "  - name: desk", "    uri: synthetic://digits?fps=10", "mqtt:", "  broker: " + broker,
                "  spool_dir: " + dir.resolve("spool"), "update:", "  enabled: false", http, ""));
        return file;
    }

    @Test
    void runServesHealthAndMetricsWithTheBrokersFiguresWhenHttpIsEnabled() throws Exception {
        Files.writeString(dir.resolve("token"), "tok-42");
        try (EmbeddedBroker broker = EmbeddedBroker.start(0)) {
            Path file = config(broker.uri(), "http:\n  enabled: true\n  port: 0\n  token_file: token");
            try (ServiceRunner runner = ServiceRunner.start(ConfigLoader.load(file, Map.of()), dir)) {
                assertNotNull(runner.http());
                HttpClient client = HttpClient.newHttpClient();
                URI base = runner.http().uri();
                long deadline = System.nanoTime() + 30_000_000_000L;
                int ready;
                do {
                    Thread.sleep(100);
                    ready = client.send(HttpRequest.newBuilder(base.resolve("/health/ready")).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode();
                } while (ready != 200 && System.nanoTime() < deadline);
                assertEquals(200, ready);
                HttpResponse<String> metrics = client.send(HttpRequest.newBuilder(base.resolve("/metrics"))
                        .header("Authorization", "Bearer tok-42").timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, metrics.statusCode());
                assertTrue(metrics.body().contains("edgevision_mqtt_published_total "), metrics.body());
                assertTrue(metrics.body().contains("edgevision_mqtt_spool_messages "));
                assertTrue(metrics.body().contains("edgevision_frames_processed_total{camera=\"desk\"}"));
            }
        }
    }

    @Test
    void httpIsOffUnlessEnabledAndABadSliceIsRefusedNamingTheKey() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.start(0)) {
            Path off = config(broker.uri(), "http:\n  port: 0");
            try (ServiceRunner runner = ServiceRunner.start(ConfigLoader.load(off, Map.of()), dir)) {
                assertNull(runner.http(), "an http: slice without enabled: true starts no server");
            }
            Path bad = config(broker.uri(), "http:\n  enabled: true\n  port: 70000\n  user: viewer");
            ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class,
                    () -> ConfigLoader.load(bad, Map.of()));
            assertTrue(e.getMessage().contains("http.port must be 0..65535"), e.getMessage());
            assertTrue(e.getMessage().contains("http.user and http.password_file go together"), e.getMessage());
        }
    }
}
