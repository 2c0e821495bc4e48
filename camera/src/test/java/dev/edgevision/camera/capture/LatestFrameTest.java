package dev.edgevision.camera.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgevision.core.frame.CaptureStatus;
import dev.edgevision.core.frame.Frame;
import dev.edgevision.core.frame.PixelFormat;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LatestFrameTest {
    private static void produce(LatestFrame latest, int value) {
        Frame frame = latest.writable();
        frame.reshape(4, 2, PixelFormat.GRAY8)[0] = (byte) value;
        frame.stamp(latest.published() + 1, System.nanoTime(), System.currentTimeMillis());
        latest.publish();
    }

    @Test
    void aSlowConsumerGetsTheNewestFrameAndTheOthersCountAsDropped() throws Exception {
        LatestFrame latest = new LatestFrame();
        for (int i = 1; i <= 5; i++) {
            produce(latest, i);
        }
        Frame into = new Frame();
        assertEquals(CaptureStatus.OK, latest.take(into, 0));
        assertEquals(5, into.data()[0]);
        assertEquals(5, into.sequence());
        assertEquals(4, latest.dropped());
        assertEquals(CaptureStatus.TIMEOUT, latest.take(into, TimeUnit.MILLISECONDS.toNanos(20)),
                "a frame is handed out once");
    }

    @Test
    void steadyStateReusesThreeBuffers() throws Exception {
        LatestFrame latest = new LatestFrame();
        Set<byte[]> buffers = Collections.newSetFromMap(new IdentityHashMap<>());
        Frame into = new Frame();
        for (int i = 0; i < 1000; i++) {
            buffers.add(latest.writable().reshape(64, 48, PixelFormat.BGR24));
            latest.publish();
            if (i % 3 == 0) {
                latest.take(into, 0);
            }
        }
        assertEquals(3, buffers.size(), "no frame-sized array is allocated after the first three");
    }

    @Test
    void everyFrameDeliveryWaitsForTheConsumer() throws Exception {
        LatestFrame latest = new LatestFrame();
        produce(latest, 1);
        CompletableFuture<Boolean> second = CompletableFuture.supplyAsync(() -> {
            try {
                return latest.publishWhenTaken();
            } catch (InterruptedException e) {
                return false;
            }
        });
        Thread.sleep(50);
        assertFalse(second.isDone(), "the producer waits while the previous frame is untaken");
        Frame into = new Frame();
        assertEquals(CaptureStatus.OK, latest.take(into, 0));
        assertTrue(second.get(1, TimeUnit.SECONDS));
        assertEquals(0, latest.dropped());
    }

    @Test
    void theEndComesAfterTheLastFrame() throws Exception {
        LatestFrame latest = new LatestFrame();
        produce(latest, 7);
        latest.end(CaptureStatus.END_OF_STREAM);
        Frame into = new Frame();
        assertEquals(CaptureStatus.OK, latest.take(into, 0));
        assertEquals(CaptureStatus.END_OF_STREAM, latest.take(into, TimeUnit.SECONDS.toNanos(5)),
                "returns at once, without waiting out the timeout");
    }
}
