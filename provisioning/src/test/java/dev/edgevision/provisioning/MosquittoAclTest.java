package dev.edgevision.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker configuration 'provision mosquitto' writes, on a real Mosquitto on loopback with
 * certificates 'provision' made: a device publishes under its own prefix only, reads only its own
 * commands, and a client without a fleet certificate cannot connect.
 */
class MosquittoAclTest {
    @TempDir
    Path dir;

    @Test
    void aDeviceCertificatePublishesUnderItsOwnPrefixOnlyAndReadsOnlyItsOwnCommands() throws Exception {
        LoopbackMosquitto.assumeInstalled();
        int port = LoopbackMosquitto.freePort();
        Path fleet = dir.resolve("fleet");
        Path broker = dir.resolve("broker");
        assertEquals(0, ProvisionCli.run("ca", "create", "--fleet", fleet.toString()));
        assertEquals(0, ProvisionCli.run("broker", "--fleet", fleet.toString(), "--host", "127.0.0.1", "--out",
                broker.toString()));
        assertEquals(0, ProvisionCli.run("mosquitto", "--fleet", fleet.toString(), "--out", broker.toString(),
                "--port", Integer.toString(port), "--bind", "127.0.0.1"));
        for (String id : List.of("dev-a", "dev-b")) {
            assertEquals(0, ProvisionCli.run("device", "--fleet", fleet.toString(), "--id", id, "--out",
                    dir.resolve(id).toString(), "--broker", "ssl://127.0.0.1:" + port));
        }
        Path otherFleet = dir.resolve("other-fleet");
        ProvisionCli.run("ca", "create", "--fleet", otherFleet.toString());
        ProvisionCli.run("device", "--fleet", otherFleet.toString(), "--id", "dev-a", "--out",
                dir.resolve("impostor").toString(), "--broker", "ssl://127.0.0.1:" + port);

        String uri = "ssl://127.0.0.1:" + port;
        Path ca = broker.resolve("ca.crt");
        try (LoopbackMosquitto mosquitto = LoopbackMosquitto.start(broker.resolve("mosquitto.conf"), port)) {
            List<String> operatorSaw = new CopyOnWriteArrayList<>();
            MqttClient operator = connect(uri, "operator", ca, broker.resolve("operator.crt"), broker.resolve("operator.key"));
            operator.subscribe("vision/#", 1, (t, m) -> operatorSaw.add(t + " " + new String(m.getPayload(), StandardCharsets.UTF_8)));
            MqttClient a = connect(uri, "dev-a", ca, dir.resolve("dev-a/identity/device.crt"), dir.resolve("dev-a/identity/device.key"));
            List<String> aSaw = new CopyOnWriteArrayList<>();
            a.subscribe("vision/dev-a/cmd/#", 1, (t, m) -> aSaw.add(t));
            a.subscribe("vision/dev-b/cmd/#", 1, (t, m) -> aSaw.add(t));
            a.publish("vision/dev-a/cam0/detections", "own".getBytes(StandardCharsets.UTF_8), 1, false);
            a.publish("vision/dev-b/cam0/detections", "forged".getBytes(StandardCharsets.UTF_8), 1, false);
            a.publish("other/topic", "outside".getBytes(StandardCharsets.UTF_8), 1, false);
            operator.publish("vision/dev-a/cmd/status", "{}".getBytes(StandardCharsets.UTF_8), 1, false);
            operator.publish("vision/dev-b/cmd/status", "{}".getBytes(StandardCharsets.UTF_8), 1, false);
            long deadline = System.nanoTime() + 5_000_000_000L;
            while ((aSaw.isEmpty() || operatorSaw.isEmpty()) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            Thread.sleep(500); // time for anything the ACL should stop to arrive, were it let through
            System.out.println("operator saw " + operatorSaw + "; dev-a saw " + aSaw);
            assertTrue(operatorSaw.contains("vision/dev-a/cam0/detections own"), "the device's own topic: " + operatorSaw);
            assertTrue(operatorSaw.stream().noneMatch(s -> s.contains("forged")), "no publishing as another device");
            assertEquals(List.of("vision/dev-a/cmd/status"), aSaw, "only its own commands");

            MqttException noCert = assertThrows(MqttException.class, () -> connect(uri, "nobody", ca, null, null));
            MqttException impostor = assertThrows(MqttException.class, () -> connect(uri, "impostor", ca,
                    dir.resolve("impostor/identity/device.crt"), dir.resolve("impostor/identity/device.key")));
            System.out.println("without a certificate: " + noCert + "; another CA's certificate: " + impostor);
            a.disconnect();
            operator.disconnect();
            a.close();
            operator.close();
        }
    }

    static MqttClient connect(String uri, String clientId, Path ca, Path cert, Path key) throws Exception {
        MqttClient client = new MqttClient(uri, clientId, new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setSocketFactory(TlsClients.factory(ca, cert, key));
        options.setConnectionTimeout(5);
        options.setAutomaticReconnect(false);
        try {
            client.connect(options);
        } catch (MqttException e) {
            client.close();
            throw e;
        }
        return client;
    }
}
