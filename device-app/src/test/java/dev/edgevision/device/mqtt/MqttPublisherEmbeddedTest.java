package dev.edgevision.device.mqtt;

import static dev.edgevision.device.mqtt.Fixtures.eventually;
import static dev.edgevision.device.mqtt.Fixtures.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.edgevision.core.detect.DetectionJson;
import dev.edgevision.core.detect.DetectionRecord;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The publisher against the in-process Moquette broker. Tests that do not stop the broker share
 * one (Moquette takes about 2 s to stop), each publishing as its own device.
 */
class MqttPublisherEmbeddedTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static EmbeddedBroker shared;

    @TempDir
    Path spool;
    private final Resources resources = new Resources();

    @BeforeAll
    static void startSharedBroker() throws Exception {
        shared = EmbeddedBroker.start(0);
    }

    @AfterAll
    static void stopSharedBroker() {
        shared.close();
    }

    @AfterEach
    void closeAll() throws Exception {
        resources.close();
    }

    private <T extends AutoCloseable> T closing(T resource) {
        return resources.add(resource);
    }

    private MqttPublisher connectedPublisher(MqttSettings settings) throws Exception {
        MqttPublisher publisher = closing(MqttPublisher.start(settings, Fixtures.status()));
        assertTrue(eventually(WAIT, () -> publisher.stats().connected()), () -> "not connected: " + publisher.stats());
        return publisher;
    }

    @Test
    void detectionRecordsArriveOnTheirCamerasTopicAndParseBackEqual() throws Exception {
        TestSubscriber subscriber = closing(TestSubscriber.connect(shared.uri(), "vision/it-detect/+/detections"));
        MqttPublisher publisher = connectedPublisher(Fixtures.settings(shared.uri(), spool, "it-detect").build());
        for (int frame = 1; frame <= 20; frame++) {
            publisher.publish("cam0", record("cam0", frame));
            publisher.publish("cam1", record("cam1", frame));
        }
        List<TestSubscriber.Received> received = subscriber.awaitCount(40, WAIT);
        assertEquals(40, received.size());
        int cam0 = 0;
        for (TestSubscriber.Received message : received) {
            DetectionRecord parsed = DetectionJson.read(message.payload());
            assertEquals("vision/it-detect/" + parsed.camera() + "/detections", message.topic());
            assertEquals(record(parsed.camera(), parsed.frame()), parsed);
            assertEquals(0, message.qos(), "detections default to QoS 0");
            if (parsed.camera().equals("cam0")) {
                assertEquals(++cam0, parsed.frame(), "frames of one camera arrive in order");
            }
        }
        assertEquals(40, publisher.stats().published());
    }

    @Test
    void qos1DetectionsPublishedBeforeTheConnectionArriveInOrder() throws Exception {
        TestSubscriber subscriber = closing(TestSubscriber.connect(shared.uri(), "vision/it-qos1/cam0/detections"));
        MqttPublisher publisher = closing(MqttPublisher.start(
                Fixtures.settings(shared.uri(), spool, "it-qos1").detectionsQos(1).build(), Fixtures.status()));
        for (int frame = 1; frame <= 100; frame++) {
            publisher.publish("cam0", record("cam0", frame));
        }
        List<TestSubscriber.Received> received = subscriber.awaitCount(100, WAIT);
        assertEquals(100, received.size());
        for (int i = 0; i < 100; i++) {
            assertEquals(i + 1, DetectionJson.read(received.get(i).payload()).frame());
            assertEquals(1, received.get(i).qos());
        }
        assertTrue(eventually(WAIT, () -> publisher.stats().spoolMessages() == 0), () -> "" + publisher.stats());
    }

    @Test
    void statusIsRetainedForLateSubscribersAndTurnsOfflineOnClose() throws Exception {
        MqttPublisher publisher = connectedPublisher(Fixtures.settings(shared.uri(), spool, "it-status").build());
        String topic = publisher.topics().status();
        assertEquals("vision/it-status/status", topic);
        JsonNode online = retained(topic, "online");
        assertEquals("it-status", online.get("device").asText());
        assertEquals("0.1.0-test", online.get("software_version").asText());
        assertEquals("digits", online.at("/model/name").asText());
        assertEquals("9f2c0e", online.at("/model/sha256").asText());
        assertEquals("onnxruntime-cpu", online.get("backend").asText());
        assertEquals("[\"cam0\",\"cam1\"]", online.get("cameras").toString());
        assertTrue(online.at("/mqtt/connected").asBoolean());

        publisher.publishStatus(Fixtures.status().withState("degraded"));
        retained(topic, "degraded");

        publisher.close();
        JsonNode offline = retained(topic, "offline");
        assertEquals("shutdown", offline.get("reason").asText());
        assertEquals("digits", offline.at("/model/name").asText());
    }

    /**
     * Subscribes afresh until a status published before the subscription shows {@code state}, so it
     * can only have come from the broker's retained store. (Moquette 0.17 clears the RETAIN flag on
     * retained messages sent to a new subscription, against MQTT-3.3.1-8, so the flag itself is
     * checked against Mosquitto.)
     */
    private JsonNode retained(String topic, String state) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        List<TestSubscriber.Received> seen = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            Thread.sleep(20);
            Instant subscribedAt = Instant.now();
            try (TestSubscriber late = TestSubscriber.connect(shared.uri(), topic)) {
                for (TestSubscriber.Received message : late.awaitCount(1, Duration.ofMillis(500))) {
                    seen.add(message);
                    JsonNode status = JSON.readTree(message.payload());
                    Instant published = Instant.parse(status.get("ts").asText());
                    if (published.isBefore(subscribedAt) && state.equals(status.get("state").asText())) {
                        return status;
                    }
                }
            }
        }
        throw new AssertionError("no retained status \"" + state + "\" on " + topic + "; seen: " + seen);
    }

    @Test
    void publishReturnsAtOnceWhileTheBrokerIsDownAndTheSpoolDrainsWhenItIsBack() throws Exception {
        EmbeddedBroker broker = closing(EmbeddedBroker.start(0));
        MqttPublisher publisher = connectedPublisher(Fixtures.settings(broker.uri(), spool).detectionsQos(1).build());
        broker.stop();
        assertTrue(eventually(WAIT, () -> !publisher.stats().connected()), "the publisher noticed the broker is gone");

        long worst = 0;
        long start = System.nanoTime();
        for (int frame = 1; frame <= 1000; frame++) {
            long t = System.nanoTime();
            publisher.publish("cam0", record("cam0", frame));
            worst = Math.max(worst, System.nanoTime() - t);
        }
        long qos1Nanos = System.nanoTime() - start;
        start = System.nanoTime();
        for (int i = 0; i < 1000; i++) {
            publisher.publishStats(Map.of("fps", 30.0, "n", i));
        }
        long qos0Nanos = System.nanoTime() - start;
        System.out.printf("[measure] broker down: 1000 QoS 1 publish() %.1f ms (worst call %.3f ms), 1000 QoS 0 %.1f ms%n",
                qos1Nanos / 1e6, worst / 1e6, qos0Nanos / 1e6);
        assertTrue(qos1Nanos < 200_000_000L, "1000 QoS 1 publishes took " + qos1Nanos / 1e6 + " ms");
        assertTrue(qos0Nanos < 200_000_000L, "1000 QoS 0 publishes took " + qos0Nanos / 1e6 + " ms");

        assertTrue(eventually(WAIT, () -> publisher.stats().spooled() == 1000 && publisher.stats().droppedOffline() >= 1000),
                () -> "QoS 1 spooled, QoS 0 dropped: " + publisher.stats());
        broker.start();
        assertTrue(eventually(WAIT, () -> publisher.stats().spoolMessages() == 0), () -> "" + publisher.stats());
        PublisherStats stats = publisher.stats();
        assertEquals(1000, stats.published(), "every spooled message was acknowledged by the broker");
        assertEquals(1, stats.reconnects());
        assertTrue(stats.lastError().contains("connection refused") || stats.lastError().contains("connection lost"),
                stats.lastError());
    }

    @Test
    void publishReturnsAtOnceWhileTheBrokerHangs() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                List<Socket> held = new ArrayList<>();
                try {
                    while (true) {
                        held.add(silent.accept()); // accepts, never answers CONNECT
                    }
                } catch (java.io.IOException e) {
                    held.forEach(s -> {
                        try {
                            s.close();
                        } catch (java.io.IOException ignored) {
                            // closing anyway
                        }
                    });
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            MqttPublisher publisher = MqttPublisher.start(
                    Fixtures.settings("tcp://127.0.0.1:" + silent.getLocalPort(), spool).detectionsQos(1).build(),
                    Fixtures.status());
            long start = System.nanoTime();
            for (int frame = 1; frame <= 1000; frame++) {
                publisher.publish("cam0", record("cam0", frame));
            }
            long nanos = System.nanoTime() - start;
            System.out.printf("[measure] hung broker: 1000 QoS 1 publish() %.1f ms%n", nanos / 1e6);
            assertTrue(nanos < 200_000_000L, "1000 publishes took " + nanos / 1e6 + " ms");
            assertTrue(eventually(WAIT, () -> publisher.stats().spooled() == 1000), () -> "" + publisher.stats());
            assertTrue(eventually(WAIT, () -> publisher.stats().lastError() != null), () -> "" + publisher.stats());
            long closeStart = System.nanoTime();
            publisher.close();
            System.out.printf("[measure] hung broker: close() %.0f ms; last error: %s%n",
                    (System.nanoTime() - closeStart) / 1e6, publisher.stats().lastError());
        }
    }

    @Test
    void messagesLeaveTheSpoolOnlyWhenABrokerAcknowledgesThem() throws Exception {
        int port = Fixtures.freePort();
        MqttPublisher publisher;
        try (SwallowingBroker swallowing = new SwallowingBroker(port)) {
            // A slow reconnect leaves time to start the real broker and subscribe before the
            // publisher reaches it, so the subscriber sees every re-sent record.
            publisher = closing(MqttPublisher.start(
                    Fixtures.settings("tcp://127.0.0.1:" + port, spool, "it-ack").detectionsQos(1)
                            .reconnectDelay(Duration.ofSeconds(3), Duration.ofSeconds(3)).build(),
                    Fixtures.status()));
            for (int frame = 1; frame <= 20; frame++) {
                publisher.publish("cam0", record("cam0", frame));
            }
            // 20 records and the status went out; none was acknowledged
            assertTrue(eventually(WAIT, () -> swallowing.publishes() >= 21), () -> "sent: " + swallowing.publishes());
            PublisherStats stats = publisher.stats();
            assertEquals(20, stats.spoolMessages(), "sent but unacknowledged records stay in the spool");
            assertEquals(0, stats.published());
        }
        EmbeddedBroker broker = closing(EmbeddedBroker.start(port));
        TestSubscriber subscriber = closing(TestSubscriber.connect(broker.uri(), "vision/it-ack/cam0/detections"));
        List<TestSubscriber.Received> received = subscriber.awaitCount(20, WAIT);
        assertEquals(20, received.size());
        for (int i = 0; i < 20; i++) {
            assertEquals(i + 1, DetectionJson.read(received.get(i).payload()).frame(), "sent again, in order");
        }
        assertTrue(eventually(WAIT, () -> publisher.stats().spoolMessages() == 0), () -> "" + publisher.stats());
        assertEquals(20, publisher.stats().published());
    }

    @Test
    void spoolSurvivesAPublisherRestartAndHonoursItsBound() throws Exception {
        int port = Fixtures.freePort();
        MqttSettings settings = Fixtures.settings("tcp://127.0.0.1:" + port, spool)
                .detectionsQos(1).spoolBounds(1 << 20, 40).build();
        MqttPublisher first = MqttPublisher.start(settings, Fixtures.status());
        for (int frame = 1; frame <= 50; frame++) {
            first.publish("cam0", record("cam0", frame));
        }
        assertTrue(eventually(WAIT, () -> first.stats().spooled() == 50 && first.stats().lastError() != null),
                () -> "" + first.stats());
        first.close();
        PublisherStats closed = first.stats();
        assertEquals(40, closed.spoolMessages());
        assertEquals(10, closed.spoolDropped(), "the 10 oldest were dropped to keep 40");
        assertTrue(closed.lastError().contains("connection refused"), closed.lastError());

        EmbeddedBroker broker = closing(EmbeddedBroker.start(port));
        TestSubscriber subscriber = closing(TestSubscriber.connect(broker.uri(), "vision/it-device/cam0/detections"));
        MqttPublisher second = closing(MqttPublisher.start(settings, Fixtures.status()));
        List<TestSubscriber.Received> received = subscriber.awaitCount(40, WAIT);
        List<Long> frames = new ArrayList<>();
        for (TestSubscriber.Received message : received) {
            frames.add(DetectionJson.read(message.payload()).frame());
        }
        List<Long> expected = new ArrayList<>();
        for (long frame = 11; frame <= 50; frame++) {
            expected.add(frame);
        }
        assertEquals(expected, frames, "the newest 40, in order, from the spool the first publisher left");
        assertTrue(eventually(WAIT, () -> second.stats().spoolMessages() == 0), () -> "" + second.stats());
    }
}
