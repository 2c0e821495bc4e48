package dev.edgevision.device.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgevision.provisioning.ProvisionCli;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.net.ssl.SSLSocketFactory;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every way a TLS connection to a real Mosquitto goes wrong gets a message naming the setting or
 * certificate at fault: ssl:// to a plain port, a broker certificate from another CA, a broker
 * certificate for another host name, no client certificate where the broker requires one, a client
 * certificate from another CA, a broker key that is not the pinned one. And the right settings
 * connect, with and without a pin. Certificates come from
 * {@code provision}. Prints the message each case gives.
 */
@Tag("bad-input")
class TlsFailuresTest {
    @TempDir
    Path dir;

    @Test
    void eachTlsFailureSaysWhatIsWrong() throws Exception {
        MosquittoInstalled.assume();
        Path fleet = dir.resolve("fleet");
        Path other = dir.resolve("other-fleet");
        Path broker = dir.resolve("broker");
        Path device = dir.resolve("device");
        Path stranger = dir.resolve("stranger");
        assertEquals(0, ProvisionCli.run("ca", "create", "--fleet", fleet.toString()));
        assertEquals(0, ProvisionCli.run("ca", "create", "--fleet", other.toString()));
        assertEquals(0, ProvisionCli.run("broker", "--fleet", fleet.toString(), "--host", "127.0.0.1", "--out",
                broker.toString()));
        int tlsPort = freePort();
        int plainPort = freePort();
        assertEquals(0, ProvisionCli.run("mosquitto", "--fleet", fleet.toString(), "--out", broker.toString(), "--port",
                Integer.toString(tlsPort), "--bind", "127.0.0.1"));
        assertEquals(0, ProvisionCli.run("device", "--fleet", fleet.toString(), "--id", "tls-2", "--out",
                device.toString(), "--broker", "ssl://127.0.0.1:" + tlsPort, "--camera", "cam0=synthetic://digits"));
        assertEquals(0, ProvisionCli.run("device", "--fleet", other.toString(), "--id", "tls-2", "--out",
                stranger.toString(), "--broker", "ssl://127.0.0.1:" + tlsPort, "--camera", "cam0=synthetic://digits"));
        List<String> tls = Files.readAllLines(broker.resolve("mosquitto.conf")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#") && !l.startsWith("listener")
                        && !l.startsWith("per_listener"))
                .toList();
        Path ca = broker.resolve("ca.crt");
        Path cert = device.resolve("identity/device.crt");
        Path key = device.resolve("identity/device.key");
        Map<String, String> said = new TreeMap<>();
        try (Mosquitto secure = new Mosquitto(Files.createDirectories(dir.resolve("m1")), tlsPort, tls);
             Mosquitto plain = new Mosquitto(Files.createDirectories(dir.resolve("m2")), plainPort,
                     List.of("allow_anonymous true"))) {
            secure.start();
            plain.start();
            String good = "ssl://127.0.0.1:" + tlsPort;
            connect(good, BrokerTls.forBroker(ca, cert, key));
            String brokerPin;
            try (java.io.InputStream in = Files.newInputStream(broker.resolve("broker.crt"))) {
                brokerPin = dev.edgevision.device.config.PublicKeyPin.of(java.security.cert.CertificateFactory
                        .getInstance("X.509").generateCertificate(in).getPublicKey());
            }
            connect(good, BrokerTls.forBroker(ca, cert, key, List.of("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
                    brokerPin)));
            said.put("broker key not the pinned one", refused(good, BrokerTls.forBroker(ca, cert, key,
                    List.of("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="))));

            said.put("ssl:// to a plain port", refused("ssl://127.0.0.1:" + plainPort, BrokerTls.forBroker(ca, cert, key)));
            said.put("broker certificate from another CA", refused(good, BrokerTls.forBroker(
                    stranger.resolve(Files.exists(stranger.resolve("identity/ca.crt")) ? "identity/ca.crt" : "ca.crt"),
                    cert, key)));
            said.put("broker certificate for another name", refused("ssl://localhost:" + tlsPort,
                    BrokerTls.forBroker(ca, cert, key)));
            said.put("no client certificate", refused(good, BrokerTls.forBroker(ca, null, null)));
            said.put("client certificate from another CA", refused(good, BrokerTls.forBroker(ca,
                    stranger.resolve("identity/device.crt"), stranger.resolve("identity/device.key"))));
        }
        said.forEach((k, v) -> System.out.printf("%-36s %s%n", k, v));
        assertTrue(said.get("ssl:// to a plain port").contains("speak TLS"), said.toString());
        assertTrue(said.get("broker certificate from another CA").contains("not signed by a CA in mqtt.tls.ca"),
                said.toString());
        assertTrue(said.get("broker certificate for another name").contains("does not name \"localhost\""),
                said.toString());
        String noCert = said.get("no client certificate");
        assertTrue(noCert.contains("mqtt.tls.cert") && noCert.contains("mqtt.tls.key"), said.toString());
        assertTrue(said.get("client certificate from another CA").contains("mqtt.tls.cert"), said.toString());
        assertTrue(said.get("broker key not the pinned one").contains("not the pinned one"), said.toString());
    }

    private static void connect(String uri, SSLSocketFactory factory) throws MqttException {
        MqttClient client = new MqttClient(uri, "tls-2", new MemoryPersistence());
        client.connect(options(factory));
        client.disconnect();
        client.close();
    }

    private static String refused(String uri, SSLSocketFactory factory) throws Exception {
        MqttClient client = new MqttClient(uri, "tls-2", new MemoryPersistence());
        try {
            MqttException e = assertThrows(MqttException.class, () -> client.connect(options(factory)), uri);
            return BrokerErrors.describe(uri, e);
        } finally {
            client.close();
        }
    }

    private static MqttConnectOptions options(SSLSocketFactory factory) {
        MqttConnectOptions o = new MqttConnectOptions();
        o.setSocketFactory(factory);
        o.setConnectionTimeout(5);
        o.setHttpsHostnameVerificationEnabled(true);
        return o;
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
