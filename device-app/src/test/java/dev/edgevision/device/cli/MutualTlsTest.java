package dev.edgevision.device.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgevision.device.config.ApplianceConfig;
import dev.edgevision.device.config.ConfigLoader;
import dev.edgevision.device.mqtt.Mosquitto;
import dev.edgevision.device.mqtt.MosquittoInstalled;
import dev.edgevision.provisioning.ProvisionCli;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end over mutual TLS: 'provision' makes the fleet CA, the broker's certificate, the
 * Mosquitto configuration (TLS, require_certificate, per-device ACLs) and a device's identity and
 * configuration; the service runs on that configuration as written (ssl://, mqtt.tls) and its
 * detections and status reach the operator through a real Mosquitto on loopback.
 */
class MutualTlsTest {
    static final Path HOME = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @Test
    void theProvisionedDevicePublishesOverMutualTls() throws Exception {
        MosquittoInstalled.assume();
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path fleet = dir.resolve("fleet");
        Path broker = dir.resolve("broker");
        Path device = dir.resolve("device");
        String uri = "ssl://127.0.0.1:" + port;
        assertEquals(0, ProvisionCli.run("ca", "create", "--fleet", fleet.toString()));
        assertEquals(0, ProvisionCli.run("broker", "--fleet", fleet.toString(), "--host", "127.0.0.1", "--out", broker.toString()));
        assertEquals(0, ProvisionCli.run("mosquitto", "--fleet", fleet.toString(), "--out", broker.toString(), "--port",
                Integer.toString(port), "--bind", "127.0.0.1"));
        assertEquals(0, ProvisionCli.run("device", "--fleet", fleet.toString(), "--id", "tls-1", "--out", device.toString(),
                "--broker", uri, "--camera", "cam0=synthetic://digits?fps=5"));

        // The listener's TLS lines as provision wrote them, under the test helper's own listener line.
        List<String> tls = Files.readAllLines(broker.resolve("mosquitto.conf")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#") && !l.startsWith("listener") && !l.startsWith("per_listener"))
                .toList();
        List<String> detections = new CopyOnWriteArrayList<>();
        List<String> statuses = new CopyOnWriteArrayList<>();
        Path mosquittoDir = Files.createDirectories(dir.resolve("mosquitto"));
        try (Mosquitto mosquitto = new Mosquitto(mosquittoDir, port, tls)) {
            mosquitto.start();
            MqttClient operator = new MqttClient(uri, "operator", new MemoryPersistence());
            MqttConnectOptions options = new MqttConnectOptions();
            options.setSocketFactory(clientTls(broker.resolve("ca.crt"), broker.resolve("operator.crt"),
                    broker.resolve("operator.key")));
            operator.connect(options);
            operator.subscribe("vision/#", 0, (topic, m) -> {
                if (topic.endsWith("/detections")) {
                    detections.add(topic);
                } else if (topic.endsWith("/status")) {
                    statuses.add(new String(m.getPayload(), StandardCharsets.UTF_8));
                }
            });

            ApplianceConfig written = ConfigLoader.load(device.resolve("appliance.yaml"), Map.of());
            ApplianceConfig.MqttSection m = written.mqtt();
            assertEquals(uri, m.broker());
            assertEquals("identity/device.crt", m.tls().cert());
            // The image's model path and the spool are the device's; here they are the repository's and a temporary folder.
            ApplianceConfig config = new ApplianceConfig(written.device(), new ApplianceConfig.ModelSection(
                    HOME.resolve("models/digits.vbundle").toString(), "onnxruntime", null, 1), written.cameras(),
                    new ApplianceConfig.MqttSection(m.broker(), m.username(), m.password(), m.prefix(), m.detectionsQos(),
                            dir.resolve("spool").toString(), 1, m.tls(), m.allowPlaintext()),
                    null, new ApplianceConfig.UpdateSection(false, null, null, null));
            assertEquals(List.of(), config.problems());
            System.setProperty("edgevision.home", HOME.toString());
            try (ServiceRunner runner = ServiceRunner.start(config, device)) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (System.nanoTime() < deadline && (detections.size() < 3 || statuses.isEmpty())) {
                    Thread.sleep(100);
                }
                System.out.println("over mutual TLS: " + detections.size() + " detection records, status "
                        + (statuses.isEmpty() ? "none" : statuses.get(statuses.size() - 1)) + "; publisher "
                        + runner.mqtt().stats());
            }
            operator.disconnect();
            operator.close();
            assertTrue(detections.size() >= 3, "detections over mTLS: " + detections.size() + "; broker log:\n");
            assertTrue(detections.stream().allMatch("vision/tls-1/cam0/detections"::equals), detections.toString());
            assertTrue(statuses.stream().anyMatch(s -> s.contains("\"online\"") || s.contains("\"degraded\"")
                    || s.contains("\"starting\"")), statuses.toString());
        }
    }

    /** Trusts {@code ca}; presents {@code cert} and its PKCS#8 {@code key}. */
    static javax.net.ssl.SSLSocketFactory clientTls(Path ca, Path cert, Path key) throws Exception {
        CertificateFactory x509 = CertificateFactory.getInstance("X.509");
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(ca)) {
            trust.setCertificateEntry("ca", x509.generateCertificate(in));
        }
        String pem = Files.readString(key).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        try (InputStream in = Files.newInputStream(cert)) {
            keys.setKeyEntry("me", KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(
                    Base64.getDecoder().decode(pem))), new char[0], new Certificate[] {x509.generateCertificate(in)});
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, new char[0]);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return context.getSocketFactory();
    }
}
