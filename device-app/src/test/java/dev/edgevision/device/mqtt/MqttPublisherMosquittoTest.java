package dev.edgevision.device.mqtt;

import static dev.edgevision.device.mqtt.Fixtures.eventually;
import static dev.edgevision.device.mqtt.Fixtures.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.edgevision.core.detect.DetectionJson;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The publisher against a real Mosquitto that each test starts on a free loopback port with its
 * own configuration, and kills, stops and restarts. Skipped where Mosquitto is not installed.
 */
class MqttPublisherMosquittoTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private final Resources resources = new Resources();

    @BeforeAll
    static void needsMosquitto() {
        MosquittoInstalled.assume();
    }

    @AfterEach
    void closeAll() throws Exception {
        resources.close();
    }

    private <T extends AutoCloseable> T closing(T resource) {
        return resources.add(resource);
    }

    private Mosquitto broker(List<String> extra) throws Exception {
        Path brokerDir = Files.createDirectories(dir.resolve("broker"));
        return closing(new Mosquitto(brokerDir, Fixtures.freePort(), extra));
    }

    @Test
    void lastWillIsARetainedOfflineStatusWhenThePublisherDiesUncleanly() throws Exception {
        Mosquitto broker = broker(List.of("allow_anonymous true", "persistence false"));
        broker.start();
        String device = "it-will";
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx64m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), PublisherProcess.class.getName(),
                broker.uri(), dir.resolve("spool").toString(), device)
                .redirectError(dir.resolve("child.log").toFile())
                .start();
        closing(child::destroyForcibly);
        String line = CompletableFuture.supplyAsync(() -> {
            try {
                return new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8)).readLine();
            } catch (java.io.IOException e) {
                return e.toString();
            }
        }).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals("CONNECTED", line, () -> "child publisher: " + line + "\n" + read(dir.resolve("child.log")));

        String topic = "vision/" + device + "/status";
        JsonNode online = retainedStatus(broker.uri(), topic, "online");
        assertEquals("0.1.0-test", online.get("software_version").asText());

        child.destroyForcibly(); // SIGKILL: no DISCONNECT, the socket just closes
        assertTrue(child.waitFor(10, TimeUnit.SECONDS));
        JsonNode offline = retainedStatus(broker.uri(), topic, "offline");
        assertEquals("connection lost", offline.get("reason").asText());
        assertEquals(device, offline.get("device").asText());
        assertEquals("digits", offline.at("/model/name").asText(), "the will names the model too");
    }

    /** Subscribes afresh until the broker hands over a retained status in {@code state}. */
    private static JsonNode retainedStatus(String uri, String topic, String state) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        List<TestSubscriber.Received> seen = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            try (TestSubscriber late = TestSubscriber.connect(uri, topic)) {
                for (TestSubscriber.Received message : late.awaitCount(1, Duration.ofMillis(300))) {
                    seen.add(message);
                    JsonNode status = JSON.readTree(message.payload());
                    if (message.retained() && state.equals(status.get("state").asText())) {
                        return status;
                    }
                }
            }
        }
        throw new AssertionError("no retained \"" + state + "\" status on " + topic + "; seen: " + seen);
    }

    @Test
    void wrongCredentialsGiveAClearErrorAndNoCrash() throws Exception {
        Path passwd = MosquittoInstalled.assumePasswdTool();
        Path passwords = dir.resolve("passwords");
        Process tool = new ProcessBuilder(passwd.toString(), "-b", "-c", passwords.toString(), "device", "right-one")
                .redirectErrorStream(true).start();
        assertTrue(tool.waitFor(10, TimeUnit.SECONDS) && tool.exitValue() == 0, "mosquitto_passwd failed");
        Mosquitto broker = broker(List.of("allow_anonymous false", "password_file " + passwords, "persistence false"));
        broker.start();

        MqttPublisher wrong = closing(MqttPublisher.start(
                Fixtures.settings(broker.uri(), dir.resolve("spool-wrong"), "it-auth").credentials("device", "wrong-one")
                        .build(), Fixtures.status()));
        assertTrue(eventually(WAIT, () -> wrong.stats().lastError() != null), () -> "" + wrong.stats());
        for (int frame = 1; frame <= 10; frame++) {
            wrong.publish("cam0", record("cam0", frame)); // still accepted, dropped (QoS 0)
        }
        Thread.sleep(1000); // several more attempts at 100..500 ms
        PublisherStats stats = wrong.stats();
        System.out.println("[measure] wrong password: " + stats.lastError());
        assertFalse(stats.connected());
        assertTrue(stats.lastError().startsWith("MQTT broker " + broker.uri() + ": "), stats.lastError());
        assertTrue(stats.lastError().contains("check mqtt.username/mqtt.password"), stats.lastError());
        assertEquals(10, stats.droppedOffline());

        MqttPublisher right = closing(MqttPublisher.start(
                Fixtures.settings(broker.uri(), dir.resolve("spool-right"), "it-auth2").credentials("device", "right-one")
                        .build(), Fixtures.status()));
        assertTrue(eventually(WAIT, () -> right.stats().connected()), () -> "the right password connects: " + right.stats());
    }

    /**
     * Registers a persistent subscriber session (clean session off, QoS 1) for {@code filter} and
     * has the broker write it to its persistence file (clean shutdown), so that a broker started
     * later from that file queues matching messages for the subscriber even before it reconnects.
     */
    private static void registerPersistentSubscriber(Mosquitto broker, String clientId, String filter) throws Exception {
        broker.start();
        TestSubscriber.connect(broker.uri(), clientId, true, filter).close();
        broker.stop();
    }

    @Test
    void everyQos1RecordArrivesInOrderAcrossABrokerKillAndRestart() throws Exception {
        // A broker killed with SIGKILL keeps only what it last wrote to its persistence file, and by
        // default it writes every 30 minutes: a record it had acknowledged to the publisher but not yet
        // passed on would die with it, which no client can prevent. Saving after every change makes
        // the broker as durable as this test's claim (what the publisher has sent arrives) needs.
        Mosquitto broker = broker(List.of("allow_anonymous true", "persistence true", "autosave_on_changes true",
                "autosave_interval 1"));
        String device = "it-kill";
        String filter = "vision/" + device + "/cam0/detections";
        registerPersistentSubscriber(broker, "it-kill-sub", filter);
        broker.start();
        TestSubscriber subscriber = closing(TestSubscriber.connect(broker.uri(), "it-kill-sub", true, filter));
        MqttPublisher publisher = closing(MqttPublisher.start(
                Fixtures.settings(broker.uri(), dir.resolve("spool"), device).detectionsQos(1).build(), Fixtures.status()));
        assertTrue(eventually(WAIT, () -> publisher.stats().connected()), () -> "" + publisher.stats());

        int total = 500;
        CompletableFuture<Void> outage = null;
        int peakSpool = 0;
        long start = System.nanoTime();
        for (int frame = 1; frame <= total; frame++) {
            publisher.publish("cam0", record("cam0", frame));
            if (frame == 150) {
                outage = CompletableFuture.runAsync(() -> {
                    try {
                        broker.kill();
                        Thread.sleep(400);
                        broker.start();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
            }
            peakSpool = Math.max(peakSpool, publisher.stats().spoolMessages());
            Thread.sleep(3);
        }
        outage.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        List<TestSubscriber.Received> received = subscriber.await(
                r -> r.stream().map(TestSubscriber.Received::payload).distinct().count() >= total, WAIT);
        long millis = (System.nanoTime() - start) / 1_000_000;

        Set<Long> firstSeen = unique(received);
        List<Long> missing = new ArrayList<>();
        for (long frame = 1; frame <= total; frame++) {
            if (!firstSeen.contains(frame)) {
                missing.add(frame);
            }
        }
        System.out.printf("[measure] broker killed at frame 150 and restarted: %d unique of %d delivered, %d duplicates,"
                        + " spool peak %d, reconnects %d, %d ms in all%n", firstSeen.size(), total,
                received.size() - firstSeen.size(), peakSpool, publisher.stats().reconnects(), millis);
        assertEquals(List.of(), missing, "records that never arrived");
        long previous = 0;
        for (long frame : firstSeen) {
            assertTrue(frame > previous, "first arrivals in order, but " + frame + " came after " + previous);
            previous = frame;
        }
        assertTrue(publisher.stats().reconnects() >= 1, "" + publisher.stats());
        assertTrue(peakSpool > 0, "records waited in the spool during the outage");
        assertTrue(eventually(WAIT, () -> publisher.stats().spoolMessages() == 0), () -> "" + publisher.stats());
    }

    @Test
    void publisherStartedBeforeAnyBrokerDeliversWhenOneComes() throws Exception {
        Mosquitto broker = broker(List.of("allow_anonymous true", "persistence true"));
        String device = "it-late";
        String filter = "vision/" + device + "/cam0/detections";
        registerPersistentSubscriber(broker, "it-late-sub", filter);

        MqttPublisher publisher = closing(MqttPublisher.start(
                Fixtures.settings(broker.uri(), dir.resolve("spool"), device).detectionsQos(1).build(), Fixtures.status()));
        for (int frame = 1; frame <= 100; frame++) {
            publisher.publish("cam0", record("cam0", frame));
        }
        assertTrue(eventually(WAIT, () -> publisher.stats().spooled() == 100 && publisher.stats().lastError() != null),
                () -> "" + publisher.stats());
        assertTrue(publisher.stats().lastError().contains("connection refused"), publisher.stats().lastError());
        assertFalse(publisher.stats().connected());

        broker.start();
        assertTrue(eventually(WAIT, () -> publisher.stats().spoolMessages() == 0), () -> "" + publisher.stats());
        TestSubscriber subscriber = closing(TestSubscriber.connect(broker.uri(), "it-late-sub", true, filter));
        List<TestSubscriber.Received> received = subscriber.awaitCount(100, WAIT);
        List<Long> frames = new ArrayList<>();
        for (TestSubscriber.Received message : received) {
            frames.add(DetectionJson.read(message.payload()).frame());
        }
        List<Long> expected = new ArrayList<>();
        for (long frame = 1; frame <= 100; frame++) {
            expected.add(frame);
        }
        assertEquals(expected, frames);
    }

    /** Frame numbers in order of first arrival. */
    private static Set<Long> unique(List<TestSubscriber.Received> received) {
        Set<Long> frames = new LinkedHashSet<>();
        for (TestSubscriber.Received message : received) {
            try {
                frames.add(DetectionJson.read(message.payload()).frame());
            } catch (java.io.IOException e) {
                throw new AssertionError("not a detection record: " + message.payload(), e);
            }
        }
        return frames;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return "(" + e + ")";
        }
    }
}
