package dev.edgevision.camera.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgevision.camera.Await;
import dev.edgevision.core.frame.CaptureStatus;
import dev.edgevision.core.frame.Frame;
import dev.edgevision.core.frame.SourceState;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LiveSourceReconnectTest {
    private static final Backoff FAST = new Backoff(Duration.ofMillis(40), Duration.ofMillis(160), 2);

    @Test
    void aMissingCameraIsRetriedWithGrowingCappedBackoffUntilItAppears() throws Exception {
        FakeCamera camera = new FakeCamera(5);
        camera.failingOpens = 4;
        try (LiveSource source = LiveSource.start("fake://flaky", camera, Delivery.LATEST, false, FAST)) {
            Await.until(Duration.ofSeconds(2), () -> source.status().state() == SourceState.RECONNECTING, source::status);
            assertTrue(source.status().lastError().contains("not plugged in"), source.status().toString());

            Frame frame = new Frame();
            long before = System.nanoTime();
            CaptureStatus whileDown = source.grab(frame, Duration.ofMillis(60));
            long waitedMillis = (System.nanoTime() - before) / 1_000_000;
            assertEquals(CaptureStatus.ERROR, whileDown, "a grab while reconnecting reports the outage");
            assertTrue(waitedMillis < 300, "the grab kept to its timeout: " + waitedMillis + " ms");

            assertEquals(CaptureStatus.OK, source.grab(frame, Duration.ofSeconds(3)));
            assertEquals(5, camera.openAttempts.size());
            long[] gaps = new long[4];
            for (int i = 0; i < 4; i++) {
                gaps[i] = (camera.openAttempts.get(i + 1) - camera.openAttempts.get(i)) / 1_000_000;
            }
            long[] expected = {40, 80, 160, 160};
            for (int i = 0; i < 4; i++) {
                assertTrue(gaps[i] >= expected[i] - 5 && gaps[i] < expected[i] + 150,
                        "retry " + (i + 1) + " waited " + gaps[i] + " ms, expected about " + expected[i]);
            }
            assertEquals(SourceState.STREAMING, source.status().state());
            assertEquals(1, source.status().reopened());
        }
    }

    @Test
    void anUnpluggedCameraIsReopenedAndTheSequenceCarriesOn() throws Exception {
        FakeCamera camera = new FakeCamera(5);
        try (LiveSource source = LiveSource.start("fake://unplug", camera, Delivery.LATEST, false, FAST)) {
            Frame frame = new Frame();
            assertEquals(CaptureStatus.OK, source.grab(frame, Duration.ofSeconds(2)));
            long sequenceBefore = frame.sequence();
            camera.unplugAfter = 0;
            Await.until(Duration.ofSeconds(2), () -> source.status().reopened() == 1, source::status);
            assertTrue(source.status().lastError().contains("unplugged"), source.status().toString());
            assertEquals(CaptureStatus.OK, source.grab(frame, Duration.ofSeconds(2)));
            assertTrue(frame.sequence() > sequenceBefore, "sequence numbers go on across the reopen");
        }
    }

    @Test
    void closeStopsTheThreadPromptlyDuringBackoffAndDuringAHangingRead() throws Exception {
        FakeCamera missing = new FakeCamera(5);
        missing.failingOpens = Integer.MAX_VALUE;
        Backoff slow = new Backoff(Duration.ofSeconds(10), Duration.ofSeconds(10), 2);
        LiveSource waiting = LiveSource.start("fake://missing", missing, Delivery.LATEST, false, slow);
        Await.until(Duration.ofSeconds(2), () -> waiting.status().state() == SourceState.RECONNECTING, waiting::status);
        assertClosesWithin(waiting, 500);

        FakeCamera hanging = new FakeCamera(5);
        hanging.hang = true;
        LiveSource stuck = LiveSource.start("fake://hang", hanging, Delivery.LATEST, false, FAST);
        Thread.sleep(50);
        assertClosesWithin(stuck, 500);
        assertTrue(hanging.closed, "the device was closed on the way out");
        assertEquals(CaptureStatus.ERROR, stuck.grab(new Frame(), Duration.ofSeconds(1)));
    }

    private static void assertClosesWithin(LiveSource source, long millis) {
        long start = System.nanoTime();
        source.close();
        long took = (System.nanoTime() - start) / 1_000_000;
        assertTrue(took < millis, "close took " + took + " ms");
        assertEquals(SourceState.CLOSED, source.status().state());
    }
}
