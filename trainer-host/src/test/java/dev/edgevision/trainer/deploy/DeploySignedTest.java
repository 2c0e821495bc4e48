package dev.edgevision.trainer.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.edgevision.core.testing.CapturedRun;
import dev.edgevision.trainer.cli.TrainerCli;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code trainer deploy} to a real {@code appliance run} that has a trust store: the unsigned
 * detector is rejected by the device ({@code unsigned}), so deploy exits 1 and names the device and
 * the code; the same detector signed with {@code trainer bundle sign} lands and deploy exits 0.
 */
class DeploySignedTest {
    static final Path HOME = Path.of("..").toAbsolutePath().normalize();
    static final Path JAR = HOME.resolve("device-app/target/device-app.jar");
    static final Path LIB = HOME.resolve("device-app/target/lib");
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    volatile String serving;

    @Test
    void anUnsignedBundleIsRejectedByTheDeviceAndASignedOneLands() throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(JAR) && Files.isDirectory(LIB), "device-app is not packaged ("
                + JAR + " and " + LIB + " missing): run ./mvnw -pl device-app -am package -DskipTests first");
        Path key = dir.resolve("lab.key");
        CapturedRun keys = CapturedRun.of(TrainerCli::run, "keys", "generate", "--key-id", "lab", "--out",
                key.toString());
        assertEquals(0, keys.status(), keys.err());
        Path trust = Files.writeString(dir.resolve("trusted-keys"),
                JSON.readTree(keys.out().strip()).path("trust_line").asText() + "\n");
        Path digits = sign(key, "digits", 1);
        Path detector = sign(key, "digit-detector", 2);
        try (TestMosquitto broker = TestMosquitto.start(dir.resolve("broker"), List.of())) {
            MqttClient watcher = new MqttClient(broker.uri(), "signed-watcher", new MemoryPersistence());
            watcher.connect();
            watcher.subscribe("vision/lab-3/desk/detections", 0, (t, m) ->
                    serving = JSON.readTree(m.getPayload()).path("model").path("name").asText());
            Process device = start(broker.uri(), digits, trust);
            try {
                awaitServing("digits", device);
                CapturedRun unsigned = CapturedRun.of(TrainerCli::run, "deploy", "--model",
                        HOME.resolve("models/digit-detector.vbundle").toString(), "--device", "lab-3", "--broker",
                        broker.uri(), "--timeout", "240s", "--plain");
                assertEquals(1, unsigned.status(), unsigned.err());
                assertTrue(unsigned.err().contains("deploy: note: digit-detector.vbundle is not signed"), unsigned.err());
                assertTrue(unsigned.err().contains("  lab-3: rejected at verifying (unsigned)"), unsigned.err());
                assertEquals("rejected", JSON.readTree(unsigned.out().strip()).path("results").path("lab-3")
                        .path("state").asText());

                CapturedRun signed = CapturedRun.of(TrainerCli::run, "deploy", "--model", detector.toString(),
                        "--device", "lab-3", "--broker", broker.uri(), "--timeout", "240s", "--plain");
                assertEquals(0, signed.status(), signed.err() + log());
                assertTrue(!signed.err().contains("is not signed"), signed.err());
                awaitServing("digit-detector", device);
                System.out.println("unsigned, to a device with a trust store:\n" + unsigned.err()
                        + "signed:\n" + signed.err());
            } finally {
                device.destroy();
                if (!device.waitFor(20, TimeUnit.SECONDS)) {
                    device.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
                watcher.disconnect();
                watcher.close();
            }
        }
    }

    private Path sign(Path key, String model, int sequence) {
        Path out = dir.resolve(model + "-signed.vbundle");
        CapturedRun run = CapturedRun.of(TrainerCli::run, "bundle", "sign", "--key", key.toString(), "--sequence",
                Integer.toString(sequence), "--out", out.toString(), HOME.resolve("models/" + model + ".vbundle")
                        .toString());
        assertEquals(0, run.status(), run.err());
        return out;
    }

    private Process start(String broker, Path bundle, Path trust) throws Exception {
        Path state = dir.resolve("lab-3");
        Files.createDirectories(state);
        Path config = Files.writeString(state.resolve("appliance.yaml"), String.join("\n",
                "device:", "  id: lab-3",
                "model:", "  bundle: " + bundle, "  backend: onnxruntime", "  threads: 1",
                "cameras:", "  - name: desk", "    uri: synthetic://digits?fps=8",
                "mqtt:", "  broker: " + broker, "  spool_dir: " + state.resolve("spool"), "  stats_seconds: 5",
                "update:", "  state_dir: " + state.resolve("updates"), "  probation_s: 4", "  latency_budget_ms: 5000",
                "  trust_store: " + trust, ""));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx512m", "-XX:TieredStopAtLevel=1", "-Dedgevision.home=" + HOME, "-cp",
                JAR + File.pathSeparator + LIB + File.separator + "*", "dev.edgevision.device.cli.ApplianceCli", "run",
                "--config", config.toString()).redirectErrorStream(true).redirectOutput(state.resolve("run.log")
                        .toFile()).start();
    }

    private void awaitServing(String model, Process p) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!model.equals(serving) && System.nanoTime() < deadline && p.isAlive()) {
            Thread.sleep(50);
        }
        assertEquals(model, serving, "lab-3's records name " + model + " (alive: " + p.isAlive() + ")" + log());
    }

    private String log() {
        try {
            List<String> lines = Files.readAllLines(dir.resolve("lab-3").resolve("run.log"));
            return "\nlab-3's log (end):\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 30),
                    lines.size()));
        } catch (Exception e) {
            return "\n(no log: " + e + ")";
        }
    }
}
