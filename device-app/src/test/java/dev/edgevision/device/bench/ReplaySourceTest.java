package dev.edgevision.device.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgevision.core.frame.CaptureStatus;
import dev.edgevision.core.frame.Frame;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The benchmark's replay: unpaced it hands out every frame at once; paced it keeps time and drops for a late consumer. */
class ReplaySourceTest {
    static final Duration TIMEOUT = Duration.ofMillis(250);

    static List<Frame> frames() {
        List<Frame> frames = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Frame frame = new Frame();
            frame.reshape(16 + i, 8, dev.edgevision.core.frame.PixelFormat.GRAY8);
            frames.add(frame);
        }
        return frames;
    }

    @Test
    void unpacedHandsOutEveryFrameInTurn() {
        ReplaySource replay = new ReplaySource(frames());
        Frame frame = new Frame();
        assertEquals(CaptureStatus.TIMEOUT, replay.grab(frame, TIMEOUT), "nothing before open");
        replay.open();
        for (int i = 1; i <= 7; i++) {
            assertEquals(CaptureStatus.OK, replay.grab(frame, TIMEOUT));
            assertEquals(i, frame.sequence());
            assertEquals(16 + (i - 1) % 3, frame.width(), "the frames in a loop");
        }
    }

    @Test
    void pacedKeepsTimeAndDropsWhatALateConsumerMissed() throws Exception {
        List<Frame> frames = frames();
        ReplaySource replay = new ReplaySource(frames, 100);
        Frame frame = new Frame();
        replay.open();
        long t0 = System.nanoTime();
        for (int i = 1; i <= 5; i++) {
            assertEquals(CaptureStatus.OK, replay.grab(frame, TIMEOUT));
            assertEquals(i, frame.sequence());
        }
        assertTrue(System.nanoTime() - t0 >= 45_000_000L, "5 frames at 100 frames/s take 50 ms");
        Thread.sleep(100);
        assertEquals(CaptureStatus.OK, replay.grab(frame, TIMEOUT));
        assertTrue(frame.sequence() >= 14, "the newest frame after a 100 ms pause, not the next: " + frame.sequence());
        assertTrue(System.nanoTime() - frame.captureNanos() < 20_000_000L, "it was captured less than two periods ago");
        assertEquals(frames.get((int) ((frame.sequence() - 1) % 3)).width(), frame.width());
    }
}
