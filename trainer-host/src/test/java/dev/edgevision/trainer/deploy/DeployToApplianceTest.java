package dev.edgevision.trainer.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.edgevision.core.model.ModelBundle;
import dev.edgevision.core.testing.CapturedRun;
import dev.edgevision.trainer.cli.TrainerCli;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code trainer deploy} against the real device service: two {@code appliance run} processes
 * (device-app's jar and libraries from {@code device-app/target}, no Maven dependency) start with
 * the digit classifier on a synthetic camera and a real Mosquitto; the digit detector is deployed
 * to one over HTTP and to the other in chunks over the broker, then the classifier back to the
 * first over HTTPS (its JVM trusting the test's certificate). Each deploy exits 0 and the device's
 * detection records then name the model deployed.
 */
class DeployToApplianceTest {
    static final Path HOME = Path.of("..").toAbsolutePath().normalize();
    static final Path JAR = HOME.resolve("device-app/target/device-app.jar");
    static final Path LIB = HOME.resolve("device-app/target/lib");
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    final Map<String, String> serving = new ConcurrentHashMap<>();

    @Test
    void theDetectorLandsOnRealDevicesOverHttpAndInChunks() throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(JAR) && Files.isDirectory(LIB), "device-app is not packaged ("
                + JAR + " and " + LIB + " missing): run ./mvnw -pl device-app -am package -DskipTests first");
        try (TestMosquitto broker = TestMosquitto.start(dir.resolve("broker"), List.of())) {
            MqttClient watcher = watch(broker.uri());
            Path store = keyStore();
            Process http = start("lab-1", broker.uri(), List.of("-Djavax.net.ssl.trustStore=" + store,
                    "-Djavax.net.ssl.trustStorePassword=test-pass", "-Djavax.net.ssl.trustStoreType=PKCS12"));
            Process chunks = start("lab-2", broker.uri(), List.of());
            try {
                awaitServing("lab-1", "digits", http);
                awaitServing("lab-2", "digits", chunks);
                Path detector = HOME.resolve("models/digit-detector.vbundle");
                String detectorModel = "digit-detector " + ModelBundle.open(detector).manifest().version();

                long t0 = System.nanoTime();
                CapturedRun overHttp = CapturedRun.of(TrainerCli::run, "deploy", "--model", detector.toString(),
                        "--device", "lab-1", "--broker", broker.uri(), "--timeout", "240s", "--plain");
                double httpSeconds = (System.nanoTime() - t0) / 1e9;
                assertEquals(0, overHttp.status(), overHttp.err() + log("lab-1"));
                assertOutcome(overHttp, "lab-1", detectorModel);
                assertTrue(overHttp.err().contains("served from http://127.0.0.1:"), overHttp.err());
                awaitServing("lab-1", "digit-detector", http);

                t0 = System.nanoTime();
                CapturedRun inChunks = CapturedRun.of(TrainerCli::run, "deploy", "--model", detector.toString(),
                        "--device", "lab-2", "--broker", broker.uri(), "--timeout", "240s", "--plain", "--chunks");
                double chunkSeconds = (System.nanoTime() - t0) / 1e9;
                assertEquals(0, inChunks.status(), inChunks.err() + log("lab-2"));
                assertOutcome(inChunks, "lab-2", detectorModel);
                assertTrue(inChunks.err().contains("served in chunks over the broker"), inChunks.err());
                awaitServing("lab-2", "digit-detector", chunks);

                t0 = System.nanoTime();
                Path password = Files.writeString(dir.resolve("store-password"), "test-pass\n");
                CapturedRun overHttps = CapturedRun.of(TrainerCli::run, "deploy", "--model",
                        HOME.resolve("models/digits.vbundle").toString(), "--device", "lab-1", "--broker", broker.uri(),
                        "--timeout", "240s", "--plain", "--allow-downgrade", "--https-keystore", store.toString(),
                        "--https-password-file", password.toString());
                double httpsSeconds = (System.nanoTime() - t0) / 1e9;
                assertEquals(0, overHttps.status(), overHttps.err() + log("lab-1"));
                assertOutcome(overHttps, "lab-1", "digits 1");
                assertTrue(overHttps.err().contains("served from https://127.0.0.1:"), overHttps.err());
                awaitServing("lab-1", "digits", http);

                System.out.println("deploy over HTTP to appliance run:\n" + overHttp.err());
                System.out.printf("over HTTP: %.1f s; in chunks over the broker: %.1f s; back over HTTPS: %.1f s (each"
                        + " command, probation 4 s)%n", httpSeconds, chunkSeconds, httpsSeconds);
            } finally {
                stop(http);
                stop(chunks);
                watcher.disconnect();
                watcher.close();
            }
        }
    }

    private static void assertOutcome(CapturedRun run, String device, String model) throws Exception {
        JsonNode result = JSON.readTree(run.out().strip()).path("results").path(device);
        assertEquals("succeeded", result.path("state").asText(), run.out());
        assertEquals(model, result.path("model").asText(), run.out());
        for (String step : List.of("downloading", "verifying", "validating", "activating", "probation", "succeeded")) {
            assertTrue(run.err().contains(step), "a progress line for " + step + ":\n" + run.err());
        }
        assertTrue(run.err().contains("1 of 1 device succeeded"), run.err());
    }

    /** A PKCS#12 key store with a key and a self-signed certificate for 127.0.0.1, password {@code test-pass}. */
    private Path keyStore() throws Exception {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Assumptions.assumeTrue(Files.isExecutable(keytool), "no keytool in " + keytool.getParent());
        Path store = dir.resolve("server.p12");
        Process p = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "deploy", "-keyalg", "EC",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", "test-pass").redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "keytool made a key store");
        return store;
    }

    private Process start(String id, String broker, List<String> javaOptions) throws Exception {
        Path state = dir.resolve(id);
        Files.createDirectories(state);
        Path config = state.resolve("appliance.yaml");
        Files.writeString(config, String.join("\n",
                "device:", "  id: " + id,
                "model:", "  bundle: " + HOME.resolve("models/digits.vbundle"), "  backend: onnxruntime", "  threads: 1",
                "cameras:", "  - name: desk", "    uri: synthetic://digits?fps=8",
                "mqtt:", "  broker: " + broker, "  spool_dir: " + state.resolve("spool"), "  stats_seconds: 5",
                "update:", "  state_dir: " + state.resolve("updates"), "  probation_s: 4", "  latency_budget_ms: 5000",
                ""));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = JAR + File.pathSeparator + LIB + File.separator + "*";
        List<String> command = new java.util.ArrayList<>(List.of(java, "-Xmx512m", "-XX:TieredStopAtLevel=1",
                "-Dedgevision.home=" + HOME));
        command.addAll(javaOptions);
        command.addAll(List.of("-cp", classpath, "dev.edgevision.device.cli.ApplianceCli", "run", "--config",
                config.toString()));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(state.resolve("run.log").toFile()).start();
    }

    private MqttClient watch(String broker) throws Exception {
        MqttClient client = new MqttClient(broker, "deploy-test-watcher", new MemoryPersistence());
        client.connect();
        client.subscribe("vision/+/desk/detections", 0, (topic, message) -> {
            JsonNode record = JSON.readTree(message.getPayload());
            serving.put(topic.split("/")[1], record.path("model").path("name").asText());
        });
        return client;
    }

    private void awaitServing(String device, String model, Process p) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!model.equals(serving.get(device)) && System.nanoTime() < deadline && p.isAlive()) {
            Thread.sleep(50);
        }
        assertEquals(model, serving.get(device), device + "'s records name " + model + " (alive: " + p.isAlive() + ")"
                + log(device));
    }

    private String log(String device) {
        try {
            List<String> lines = Files.readAllLines(dir.resolve(device).resolve("run.log"));
            return "\n" + device + "'s log (end):\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 30),
                    lines.size()));
        } catch (Exception e) {
            return "\n(no log of " + device + ": " + e + ")";
        }
    }

    private static void stop(Process p) throws InterruptedException {
        p.destroy();
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
