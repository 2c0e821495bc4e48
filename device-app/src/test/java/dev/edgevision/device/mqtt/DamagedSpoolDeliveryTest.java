package dev.edgevision.device.mqtt;

import static dev.edgevision.device.mqtt.Fixtures.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The publisher starts on a spool an earlier run left damaged (a flipped byte, a record with QoS 7,
 * a stray folder named like a segment, a head of 9999999) and delivers every intact message to a
 * subscriber exactly once; its stats count what was skipped.
 */
@Tag("bad-input")
class DamagedSpoolDeliveryTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path spool;

    @Test
    void everyIntactMessageArrivesOnceAndTheSkippedAreCounted() throws Exception {
        String topic = "vision/it-damaged/replies";
        try (Spool s = Spool.open(spool, 1 << 20, 1000)) {
            for (int i = 0; i < 20; i++) {
                s.append(topic, 1, false, ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8));
            }
        }
        Path segment;
        try (Stream<Path> files = Files.list(spool)) {
            segment = files.filter(p -> p.toString().endsWith(".seg")).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(segment);
        bytes[bytes.length / 2] ^= 0x10;
        Files.write(segment, bytes);
        Files.write(segment, SpoolDamageTest.record(20, 7, 0, topic.getBytes(StandardCharsets.UTF_8), topic.length(),
                "{\"n\":20}".getBytes()), StandardOpenOption.APPEND);
        Files.write(segment, SpoolSegment.encode(21, topic, 1, false, "{\"n\":21}".getBytes()).array(),
                StandardOpenOption.APPEND);
        Files.createDirectory(spool.resolve("00000000000000000777.seg"));
        Files.writeString(spool.resolve("spool.head"), "9999999");

        try (EmbeddedBroker broker = EmbeddedBroker.start(0);
                TestSubscriber subscriber = TestSubscriber.connect(broker.uri(), topic);
                MqttPublisher publisher = MqttPublisher.start(Fixtures.settings(broker.uri(), spool, "it-damaged")
                        .build(), Fixtures.status())) {
            List<TestSubscriber.Received> received = subscriber.awaitCount(20, WAIT);
            Thread.sleep(500);
            received = subscriber.received();
            List<String> payloads = received.stream().map(TestSubscriber.Received::payload).sorted().toList();
            assertEquals(20, payloads.size(), "19 intact of the first 20, and number 21: " + payloads);
            assertEquals(20, payloads.stream().distinct().count(), "each once: " + payloads);
            assertTrue(payloads.contains("{\"n\":21}") && !payloads.contains("{\"n\":20}"), payloads.toString());
            assertTrue(eventually(WAIT, () -> publisher.stats().spoolSkipped() == 3), () -> "" + publisher.stats());
        }
    }
}
