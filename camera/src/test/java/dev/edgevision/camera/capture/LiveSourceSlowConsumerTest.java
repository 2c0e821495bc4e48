package dev.edgevision.camera.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgevision.core.frame.CaptureStatus;
import dev.edgevision.core.frame.Frame;
import dev.edgevision.core.frame.SourceState;
import dev.edgevision.core.frame.SourceStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveSourceSlowConsumerTest {
    @Test
    void aSlowConsumerSeesSequenceGapsCountedDropsAndNoGrowingLatency() throws Exception {
        FakeCamera camera = new FakeCamera(4);
        List<Long> sequences = new ArrayList<>();
        List<Long> agesMillis = new ArrayList<>();
        try (LiveSource source = LiveSource.start("fake://fast", camera, Delivery.LATEST, false, Backoff.defaults())) {
            Frame frame = new Frame();
            for (int i = 0; i < 10; i++) {
                Thread.sleep(40);
                assertEquals(CaptureStatus.OK, source.grab(frame, Duration.ofSeconds(1)));
                agesMillis.add((System.nanoTime() - frame.captureNanos()) / 1_000_000);
                sequences.add(frame.sequence());
                assertEquals(frame.sequence(), FakeCamera.counterOf(frame), "sequence numbers count camera frames");
            }
            SourceStatus status = source.status();
            assertEquals(SourceState.STREAMING, status.state());
            long delivered = sequences.size();
            long newestBeforeStatus = status.captured();
            assertTrue(status.dropped() >= newestBeforeStatus - delivered - 1,
                    "every captured frame is either delivered, dropped or the one waiting: " + status);
            assertTrue(status.dropped() > delivered,
                    "a consumer at 25 Hz misses most of 250 Hz (more dropped than delivered, however loaded the machine): "
                            + status);
        }
        for (int i = 1; i < sequences.size(); i++) {
            assertTrue(sequences.get(i) > sequences.get(i - 1) + 1, "gaps show the drops: " + sequences);
        }
        assertTrue(agesMillis.stream().allMatch(age -> age < 100),
                "each frame is the newest, not one from a queue that grows by 40 ms per grab: " + agesMillis);
    }

    @Test
    void everyFrameDeliveryDropsNothing() throws Exception {
        FakeCamera camera = new FakeCamera(1);
        try (LiveSource source = LiveSource.start("fake://every", camera, Delivery.EVERY, false, Backoff.defaults())) {
            Frame frame = new Frame();
            for (long expected = 1; expected <= 20; expected++) {
                if (expected % 5 == 0) {
                    Thread.sleep(20);
                }
                assertEquals(CaptureStatus.OK, source.grab(frame, Duration.ofSeconds(1)));
                assertEquals(expected, frame.sequence());
            }
            assertEquals(0, source.status().dropped());
        }
    }
}
