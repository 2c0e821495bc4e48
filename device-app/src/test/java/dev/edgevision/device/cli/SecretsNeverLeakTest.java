package dev.edgevision.device.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgevision.device.mqtt.Mosquitto;
import dev.edgevision.device.mqtt.MosquittoInstalled;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code appliance run} in a process of its own, with secrets in every place one can be: camera URIs
 * of each scheme (capitals, passwords with {@code /} and {@code @}, a password query parameter, a
 * GStreamer pipeline holding an RTSP URI), the broker URI, the YAML file and the environment. The
 * service runs through failing cameras and a broker that stops and comes back, then gets SIGTERM;
 * its whole output and every MQTT message it sent are searched for each secret.
 */
@Tag("bad-input")
class SecretsNeverLeakTest {
    static final Path HOME = Path.of("..").toAbsolutePath().normalize();
    static final String ENV_PASSWORD = "EnvPw-7f3a9c";

    @TempDir
    Path dir;

    final List<String> messages = Collections.synchronizedList(new ArrayList<>());

    @Test
    void noSecretReachesTheLogTheStatusTheStatsOrAnyMessage() throws Exception {
        MosquittoInstalled.assume();
        Path passwd = MosquittoInstalled.assumePasswdTool();
        Path passwords = dir.resolve("passwords");
        Process tool = new ProcessBuilder(passwd.toString(), "-b", "-c", passwords.toString(), "device", ENV_PASSWORD)
                .redirectErrorStream(true).start();
        assertTrue(tool.waitFor(10, TimeUnit.SECONDS) && tool.exitValue() == 0, "mosquitto_passwd failed");
        int closed = freePort();
        Map<String, String> cameras = Map.of(
                "rtsp", "rtsp://admin:Rtsp/Pw@1x@127.0.0.1:" + closed + "/live",
                "caps", "RTSP://admin:CapsPw-55@127.0.0.1:" + closed + "/x",
                "rtsps", "rtsps://u:RtspsPw-66@127.0.0.1:" + closed + "/x",
                "query", "rtsp://127.0.0.1:" + closed + "/x?password=QueryPw-22",
                "gst", "gst://rtspsrc location=rtsp://u:GstPw-77@127.0.0.1:" + closed + "/x ! appsink",
                "file", "file://u:FilePw-88@/nonexistent/x.png",
                "v4l2", "v4l2://u:V4lPw-99@/dev/video77",
                "csi", "csi://u:CsiPw-11@0",
                "http", "http://u:HttpPw-33@127.0.0.1/x");
        List<String> secrets = List.of(ENV_PASSWORD, "YamlPw-4b1d", "UriPw-9e2c", "Rtsp/Pw@1x", "CapsPw-55",
                "RtspsPw-66", "QueryPw-22", "GstPw-77", "FilePw-88", "V4lPw-99", "CsiPw-11", "HttpPw-33");
        try (Mosquitto broker = new Mosquitto(dir, freePort(), List.of("allow_anonymous false",
                "password_file " + passwords, "persistence false"))) {
            broker.start();
            Path config = writeConfig(broker.uri().replace("tcp://", "tcp://device:UriPw-9e2c@"), cameras);
            Path log = dir.resolve("service.log");
            Process service = start(config, log);
            MqttClient client = null;
            try {
                client = subscribe(broker.uri());
                await(m -> m.contains("/detections") && m.contains("\"camera\":\"desk\""), service, log);
                await(m -> m.contains("camera_states") && m.contains("\"rtsp\""), service, log);
                broker.stop();
                Thread.sleep(2500);
                broker.start();
                int before = messages.size();
                client.close(true);
                client = subscribe(broker.uri());
                await(m -> m.contains("\"reconnects\":") && !m.contains("\"reconnects\":0"), service, log);
                assertTrue(messages.size() > 0 && before > 0, "messages arrived before and after the broker came back");
                Thread.sleep(3000); // a few more rounds of stats and status with the cameras still failing
                service.destroy();
                assertTrue(service.waitFor(30, TimeUnit.SECONDS), "the service stops within 30 s of SIGTERM");
                assertEquals(0, service.exitValue(), "a clean stop on SIGTERM exits 0; log:\n" + tail(log));
            } finally {
                service.destroyForcibly();
                if (client != null && client.isConnected()) {
                    client.disconnect();
                }
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            Files.copy(log, Path.of("target", "secrets-never-leak.log"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            String published = String.join("\n", messages);
            for (String secret : secrets) {
                assertFalse(output.contains(secret), "'" + secret + "' in the service's output:\n" + around(output, secret));
                assertFalse(published.contains(secret), "'" + secret + "' in an MQTT message:\n"
                        + around(published, secret));
            }
            assertTrue(output.contains("rtsp://admin:***@127.0.0.1:" + closed), "the failing camera is named, masked:\n"
                    + tail(log));
            assertTrue(published.contains("admin:***@127.0.0.1:" + closed), "camera_states names the camera, masked");
            assertTrue(published.contains("password=***"), "the query password is masked, not dropped");
            assertTrue(published.contains("\"last_error\""), "stats carried the cameras' last errors");
            assertTrue(output.contains("EDGEVISION_MQTT_PASSWORD"), "the dump says what came from the environment");
            System.out.println("secrets searched: " + secrets.size() + " in " + output.length() + " characters of output and "
                    + messages.size() + " MQTT messages; none found");
        }
    }

    private Path writeConfig(String broker, Map<String, String> cameras) throws Exception {
        List<String> lines = new ArrayList<>(List.of("device:", "  id: leak-1",
                "model:", "  bundle: " + HOME.resolve("models/digits.vbundle"), "  backend: onnxruntime", "  threads: 1",
                "cameras:", "  - name: desk", "    uri: synthetic://digits?fps=5"));
        cameras.forEach((name, uri) -> lines.addAll(List.of("  - name: " + name, "    uri: '" + uri + "'")));
        lines.addAll(List.of("mqtt:", "  broker: " + broker, "  username: device", "  password: YamlPw-4b1d",
                "  spool_dir: " + dir.resolve("spool"), "  stats_seconds: 1", "update:", "  enabled: false", ""));
        Path config = dir.resolve("appliance.yaml");
        Files.writeString(config, String.join("\n", lines));
        return config;
    }

    private static Process start(Path config, Path log) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx512m", "-XX:TieredStopAtLevel=1",
                "-Dedgevision.home=" + HOME, "-cp", System.getProperty("java.class.path"), ApplianceCli.class.getName(),
                "run", "--config", config.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("EDGEVISION_MQTT_PASSWORD", ENV_PASSWORD);
        return builder.start();
    }

    private MqttClient subscribe(String broker) throws Exception {
        MqttClient client = new MqttClient(broker, "leak-test-" + System.nanoTime(), new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setUserName("device");
        options.setPassword(ENV_PASSWORD.toCharArray());
        client.connect(options);
        client.subscribe("#", 1, (topic, message) -> messages.add(topic + " "
                + new String(message.getPayload(), StandardCharsets.UTF_8)));
        return client;
    }

    private void await(Predicate<String> wanted, Process service, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && service.isAlive()) {
            synchronized (messages) {
                if (messages.stream().anyMatch(wanted)) {
                    return;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no such MQTT message within 60 s (service alive: " + service.isAlive() + "); log:\n"
                + tail(log));
    }

    private static String around(String text, String secret) {
        int i = text.indexOf(secret);
        return text.substring(Math.max(0, i - 300), Math.min(text.length(), i + secret.length() + 100));
    }

    private static String tail(Path log) throws Exception {
        String text = Files.readString(log, StandardCharsets.UTF_8);
        return text.substring(Math.max(0, text.length() - 4000));
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
