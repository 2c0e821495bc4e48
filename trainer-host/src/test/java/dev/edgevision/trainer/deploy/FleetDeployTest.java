package dev.edgevision.trainer.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.edgevision.core.testing.CapturedRun;
import dev.edgevision.trainer.cli.TrainerCli;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code trainer deploy --devices} to a lab of 120 (or {@code -Ddeploy.fleet.devices}) simulated
 * devices (update agents in this JVM that follow the documented job protocol over a real Mosquitto
 * and download over HTTP): every device converges on the new bundle and the command exits 0; a second rollout in which one device
 * fails validation exits 1 and names that device and why; the retained job documents are gone
 * afterwards. Prints the time to converge.
 */
class FleetDeployTest {
    /** 120 unless {@code -Ddeploy.fleet.devices=N} (at least 100) asks for another lab size. */
    static final int DEVICES = Math.max(100, Integer.getInteger("deploy.fleet.devices", 120));
    static final Path HOME = Path.of("..").toAbsolutePath().normalize();
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aLabOfAHundredOrMoreConvergesAndAFailingDeviceIsNamed() throws Exception {
        Path detector = HOME.resolve("models/digit-detector.vbundle");
        Path classifier = HOME.resolve("models/digits.vbundle");
        String failing = "sim-077";
        List<SimulatedDevice> fleet = new ArrayList<>();
        ExecutorService worker = Executors.newFixedThreadPool(16);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        try (TestMosquitto broker = TestMosquitto.start(dir.resolve("broker"), List.of())) {
            List<String> ids = new ArrayList<>();
            long connectStart = System.nanoTime();
            String failSha = sha(classifier);
            List<java.util.concurrent.Future<SimulatedDevice>> starting = new ArrayList<>();
            for (int i = 1; i <= DEVICES; i++) {
                String id = String.format("sim-%03d", i);
                ids.add(id);
                starting.add(worker.submit(() -> SimulatedDevice.start(broker.uri(), "lab", id, http, worker,
                        id.equals(failing) ? failSha : null)));
            }
            for (java.util.concurrent.Future<SimulatedDevice> f : starting) {
                fleet.add(f.get(60, TimeUnit.SECONDS));
            }
            System.out.printf("%d simulated devices connected in %.1f s%n", DEVICES,
                    (System.nanoTime() - connectStart) / 1e9);

            long start = System.nanoTime();
            CapturedRun all = CapturedRun.of(TrainerCli::run, "deploy", "--model", detector.toString(), "--devices",
                    String.join(",", ids), "--broker", broker.uri(), "--prefix", "lab", "--timeout", "120s",
                    "--plain");
            double wall = (System.nanoTime() - start) / 1e9;
            assertEquals(0, all.status(), all.err());
            JsonNode summary = JSON.readTree(all.out().strip());
            assertEquals(DEVICES, summary.path("succeeded").asInt(), all.out());
            String detectorSha = sha(detector).substring(0, 8);
            for (SimulatedDevice d : fleet) {
                assertEquals(detectorSha, d.model(), "every device installed the detector");
            }
            assertTrue(all.err().contains(DEVICES + " of " + DEVICES + " devices succeeded"), all.err());
            System.out.printf("rollout of %s to %d devices over HTTP: converged in %.2f s (deploy's figure, from"
                    + " publishing the jobs), %.2f s for the whole command%n", detector.getFileName(), DEVICES,
                    summary.path("seconds").asDouble(), wall);

            CapturedRun bad = CapturedRun.of(TrainerCli::run, "deploy", "--model", classifier.toString(), "--devices",
                    String.join(",", ids), "--broker", broker.uri(), "--prefix", "lab", "--timeout", "120s",
                    "--plain");
            assertEquals(1, bad.status(), bad.err());
            JsonNode second = JSON.readTree(bad.out().strip());
            assertEquals(DEVICES - 1, second.path("succeeded").asInt(), bad.out());
            assertEquals("failed", second.path("results").path(failing).path("state").asText(), bad.out());
            assertTrue(bad.err().contains((DEVICES - 1) + " of " + DEVICES + " devices succeeded"), bad.err());
            assertTrue(bad.err().contains("  " + failing + ": failed at validating (validation_failed): reference"
                    + " output 3 differs"), "the summary names the failing device and why:\n" + bad.err());
            System.out.printf("second rollout (%s, %s fails validation): %d of %d succeeded in %.2f s, exit %d%n",
                    classifier.getFileName(), failing, second.path("succeeded").asInt(), DEVICES,
                    second.path("seconds").asDouble(), bad.status());

            System.out.println("its summary:\n" + bad.err().substring(bad.err().lastIndexOf("deploy: job ")));
            assertEquals(Map.of(), retainedJobDocuments(broker.uri()), "deploy clears the job documents it retained");
            System.out.printf("connections the simulated devices lost to the broker during both rollouts: %d%n",
                    fleet.stream().mapToInt(SimulatedDevice::connectionsLost).sum());
        } finally {
            for (SimulatedDevice d : fleet) {
                d.close();
            }
            worker.shutdownNow();
        }
    }

    /** Retained non-empty messages on {@code lab/+/jobs/+}: job documents left behind. */
    private static Map<String, String> retainedJobDocuments(String broker) throws Exception {
        Map<String, String> found = new ConcurrentHashMap<>();
        MqttClient client = new MqttClient(broker, "fleet-check", new MemoryPersistence());
        client.connect();
        client.subscribe("lab/+/jobs/+", 1, (topic, message) -> {
            if (message.getPayload().length > 0) {
                found.put(topic, new String(message.getPayload(), java.nio.charset.StandardCharsets.UTF_8));
            }
        });
        TimeUnit.MILLISECONDS.sleep(500);
        client.disconnect();
        client.close();
        return found;
    }

    static String sha(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
