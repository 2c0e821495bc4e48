package dev.edgevision.device.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgevision.device.mqtt.EmbeddedBroker;
import java.net.DatagramPacket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsclub.net.unix.AFUNIXDatagramSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/**
 * Plays systemd's part for the real {@code appliance run} in a process of its own: a datagram
 * socket as NOTIFY_SOCKET, WATCHDOG_USEC of 2 s. Two cameras, one of which wedges after 100 frames
 * (10 s): READY comes once both have published their first frame, WATCHDOG=1 pings arrive while
 * frames flow, stop once the camera wedges, and SIGTERM brings STOPPING=1 and a clean exit.
 */
class SystemdNotifyTest {
    static final Path HOME = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    record Message(long atMillis, String text) {
    }

    @Test
    void readyAfterFirstFramesWatchdogWhileFramesFlowNoneOnceACameraWedgesStoppingOnSigterm() throws Exception {
        Path socketPath = dir.resolve("notify.sock");
        List<Message> messages = new CopyOnWriteArrayList<>();
        Map<String, Long> firstDetection = new ConcurrentHashMap<>();
        long t0 = System.nanoTime();
        try (EmbeddedBroker broker = EmbeddedBroker.start(0);
                AFUNIXDatagramSocket socket = AFUNIXDatagramSocket.newInstance()) {
            socket.bind(AFUNIXSocketAddress.of(socketPath));
            socket.setSoTimeout(200);
            MqttClient client = new MqttClient(broker.uri(), "systemd-test", new MemoryPersistence());
            client.connect();
            client.subscribe("vision/notify-1/+/detections", 0, (topic, m) ->
                    firstDetection.putIfAbsent(topic.split("/")[2], millisSince(t0)));
            Path config = writeConfig(broker.uri());
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder builder = new ProcessBuilder(java, "-Xmx512m", "-XX:TieredStopAtLevel=1",
                    "-Dedgevision.home=" + HOME, "-cp", System.getProperty("java.class.path"),
                    ApplianceCli.class.getName(), "run", "--config", config.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("service.log").toFile());
            builder.environment().put("NOTIFY_SOCKET", socketPath.toString());
            builder.environment().put("WATCHDOG_USEC", "2000000");
            Process service = builder.start();
            try {
                receiveUntil(socket, messages, t0, "READY=1", 90_000, service);
                receiveUntil(socket, messages, t0, "STATUS=stalled", 40_000, service);
                long stalledAt = find(messages, "STATUS=stalled").atMillis();
                receiveUntil(socket, messages, t0, null, 5_000, service);
                assertTrue(service.isAlive(), "the service still runs (systemd is the one that restarts it)");
                service.destroy();
                receiveUntil(socket, messages, t0, "STOPPING=1", 20_000, service);
                assertTrue(service.waitFor(20, TimeUnit.SECONDS), "the service exits within TimeoutStopSec (20 s)");
                client.disconnect();
                client.close();

                Message ready = find(messages, "READY=1");
                List<Message> pings = messages.stream().filter(m -> m.text().equals("WATCHDOG=1")).toList();
                List<Message> flowing = pings.stream().filter(m -> m.atMillis() > ready.atMillis()
                        && m.atMillis() < stalledAt).toList();
                List<Message> afterStall = pings.stream().filter(m -> m.atMillis() > stalledAt).toList();
                System.out.printf("systemd notify: READY at %d ms (%s); %d pings while frames flowed, %d after"
                        + " the camera wedged at %d ms; exit %d%n", ready.atMillis(), ready.text().replace('\n', ' '),
                        flowing.size(), afterStall.size(), stalledAt, service.exitValue());
                messages.forEach(m -> System.out.println("  " + m.atMillis() + " ms  " + m.text().replace("\n", " | ")));

                assertTrue(ready.text().contains("steady") && ready.text().contains("wedging"),
                        "READY names both cameras: " + ready.text());
                assertTrue(find(messages, "STATUS=starting").atMillis() < ready.atMillis(), "a starting status first");
                for (String camera : List.of("steady", "wedging")) {
                    Long seen = firstDetection.get(camera);
                    assertTrue(seen != null, camera + "'s first detection reached the broker");
                    assertTrue(seen < ready.atMillis() + 3000,
                            camera + "'s first record was published by READY (seen at " + seen + " ms)");
                }
                assertTrue(pings.stream().noneMatch(m -> m.atMillis() < ready.atMillis() - 1000),
                        "no watchdog ping long before READY");
                assertTrue(flowing.size() >= 4, "pings while frames flow: " + flowing.size());
                assertEquals(0, afterStall.size(), "no ping once the camera wedged");
                assertTrue(find(messages, "STATUS=stalled").text().contains("wedging"), "the stall names the camera");
                Message stopping = find(messages, "STOPPING=1");
                assertTrue(stopping.atMillis() > stalledAt);
                assertFalse(Files.readString(dir.resolve("service.log")).contains("Exception in thread"),
                        "no thread died: see " + dir.resolve("service.log"));
            } catch (AssertionError e) {
                System.out.println("service log:\n" + Files.readString(dir.resolve("service.log")));
                throw e;
            } finally {
                if (service.isAlive()) {
                    service.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
        }
    }

    private Path writeConfig(String broker) throws Exception {
        Path config = dir.resolve("appliance.yaml");
        Files.writeString(config, String.join("\n",
                "device:", "  id: notify-1",
                "model:", "  bundle: " + HOME.resolve("models/digits.vbundle"), "  backend: onnxruntime",
                "  threads: 1",
                "cameras:", "  - name: steady", "    uri: synthetic://digits?fps=10",
                "  - name: wedging", "    uri: synthetic://digits?fps=10&stall_after=100",
                "mqtt:", "  broker: " + broker, "  spool_dir: " + dir.resolve("spool"), "  stats_seconds: 1",
                "update:", "  enabled: false", ""));
        return config;
    }

    private static Message find(List<Message> messages, String text) {
        return messages.stream().filter(m -> m.text().contains(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + text + " among " + messages));
    }

    private static long millisSince(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    /**
     * Receives datagrams for at most {@code millis}: until one contains {@code want} (failing if none
     * does in time), or for the whole time when {@code want} is null. Fails if the service exits first.
     */
    private static void receiveUntil(AFUNIXDatagramSocket socket, List<Message> into, long t0, String want,
            long millis, Process service) throws Exception {
        long deadline = System.nanoTime() + millis * 1_000_000;
        byte[] buffer = new byte[4096];
        while (System.nanoTime() < deadline) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (SocketTimeoutException e) {
                if (!service.isAlive() && !"STOPPING=1".equals(want)) {
                    throw new AssertionError("the service exited (" + service.exitValue() + ") while waiting for "
                            + want + "; received " + texts(into));
                }
                continue;
            }
            Message m = new Message(millisSince(t0), new String(packet.getData(), 0, packet.getLength(),
                    StandardCharsets.UTF_8));
            into.add(m);
            if (want != null && m.text().contains(want)) {
                return;
            }
        }
        if (want != null) {
            throw new AssertionError("no " + want + " within " + millis + " ms; received " + texts(into));
        }
    }

    private static List<String> texts(List<Message> messages) {
        List<String> texts = new ArrayList<>();
        messages.forEach(m -> texts.add(m.text()));
        return texts;
    }
}
