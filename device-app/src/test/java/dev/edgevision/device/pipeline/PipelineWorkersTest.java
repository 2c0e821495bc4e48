package dev.edgevision.device.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgevision.core.detect.DetectionPublisher;
import dev.edgevision.core.detect.DetectionRecord;
import dev.edgevision.core.detect.Detector;
import dev.edgevision.core.frame.CaptureStatus;
import dev.edgevision.core.frame.Frame;
import dev.edgevision.core.frame.FrameSource;
import dev.edgevision.core.frame.PixelFormat;
import dev.edgevision.core.frame.SourceState;
import dev.edgevision.core.frame.SourceStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A pipeline with two workers, one of them slow, stuck or failing: records go out in frame order,
 * failures are counted, and stop and enable reach both workers.
 */
class PipelineWorkersTest {
    /** Hands out tiny frames numbered 1, 2, ... as fast as they are taken, then ends after {@code frames} (0: never). */
    static final class CountingSource implements FrameSource {
        private final long frames;
        private long sequence;

        CountingSource(long frames) {
            this.frames = frames;
        }

        @Override
        public String uri() {
            return "test://counting";
        }

        @Override
        public synchronized CaptureStatus grab(Frame into, Duration timeout) {
            if (frames > 0 && sequence >= frames) {
                return CaptureStatus.END_OF_STREAM;
            }
            into.reshape(8, 8, PixelFormat.GRAY8);
            into.stamp(++sequence, System.nanoTime(), System.currentTimeMillis());
            return CaptureStatus.OK;
        }

        @Override
        public synchronized SourceStatus status() {
            return new SourceStatus(uri(), SourceState.STREAMING, sequence, 0, 0, null);
        }

        @Override
        public void close() {
        }
    }

    /** Keeps the frame numbers of the records published, in publishing order. */
    static final class Collected implements DetectionPublisher {
        final List<Long> frames = new CopyOnWriteArrayList<>();

        @Override
        public void publish(String camera, DetectionRecord record) {
            frames.add(record.frame());
        }

        @Override
        public void close() {
        }
    }

    static CameraPipeline pipeline(FrameSource source, Collected out, Duration patience, Detector... detectors) {
        return new CameraPipeline("cam", source, List.of(detectors), d -> new RecordFactory("dev", "cam", d.model(),
                "fake"), out, FrameTap.NONE, patience);
    }

    static Thread start(CameraPipeline pipeline) {
        Thread thread = new Thread(pipeline, "camera-test");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    static void assertIncreasing(List<Long> frames) {
        for (int i = 1; i < frames.size(); i++) {
            assertTrue(frames.get(i) > frames.get(i - 1), "record of frame " + frames.get(i) + " went out after frame "
                    + frames.get(i - 1) + "'s (position " + i + " of " + frames + ")");
        }
    }

    @Test
    void recordsGoOutInFrameOrderWhileOneWorkerIsSlow() throws Exception {
        FakeDetector fast = FakeDetector.taking(0);
        FakeDetector slow = FakeDetector.taking(15);
        Collected out = new Collected();
        CameraPipeline pipeline = pipeline(new CountingSource(200), out, Duration.ofSeconds(5), fast, slow);
        Thread thread = start(pipeline);
        thread.join(30_000);
        assertFalse(thread.isAlive(), "the pipeline ends with its source");
        assertTrue(slow.calls.get() >= 3, "the slow worker took frames: " + slow.calls.get());
        assertTrue(fast.calls.get() >= 3, "the fast worker took frames: " + fast.calls.get());
        assertEquals(200, fast.calls.get() + slow.calls.get(), "every frame went to one worker");
        assertEquals(200, out.frames.size(), "every frame's record went out");
        assertIncreasing(out.frames);
        assertEquals(200, pipeline.processed());
        assertEquals(0, pipeline.failures());
        assertEquals(0, pipeline.overtaken());
        assertEquals(200, pipeline.latency().count(), "the shared latency window has every record");
    }

    @Test
    void aFrameStuckPastThePatienceLosesItsRecordAndTheOthersGoOn() throws Exception {
        FakeDetector fast = FakeDetector.timed(call -> false, call -> 1);
        FakeDetector stuck = FakeDetector.timed(call -> false, call -> call == 1 ? 600 : 1);
        Collected out = new Collected();
        CameraPipeline pipeline = pipeline(new CountingSource(0), out, Duration.ofMillis(100), stuck, fast);
        Thread thread = start(pipeline);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (stuck.calls.get() < 3 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        pipeline.stop();
        thread.join(5000);
        assertFalse(thread.isAlive());
        assertTrue(stuck.calls.get() >= 3, "the stuck worker came back: " + stuck.calls.get());
        assertTrue(pipeline.overtaken() >= 1, "the stuck frame's record was dropped");
        assertIncreasing(out.frames);
        assertEquals(out.frames.size(), pipeline.processed());
        assertTrue(out.frames.size() > 10, "the fast worker's records went out meanwhile: " + out.frames.size());
    }

    @Test
    void failuresOfEitherWorkerAreCountedAndHoldNoFrameUp() throws Exception {
        FakeDetector a = FakeDetector.timed(call -> call % 3 == 0, call -> 2);
        FakeDetector b = FakeDetector.timed(call -> call % 4 == 0, call -> 0);
        Collected out = new Collected();
        // A failed frame that did not pass its turn on would hold every later record for the 20 s patience.
        CameraPipeline pipeline = pipeline(new CountingSource(120), out, Duration.ofSeconds(20), a, b);
        long t0 = System.nanoTime();
        Thread thread = start(pipeline);
        thread.join(15_000);
        assertFalse(thread.isAlive(), "the pipeline ends with its source");
        assertTrue((System.nanoTime() - t0) / 1e9 < 15, "no record waited out the patience");
        int failed = a.calls.get() / 3 + b.calls.get() / 4;
        assertEquals(120, a.calls.get() + b.calls.get());
        assertEquals(failed, pipeline.failures());
        assertEquals(120 - failed, out.frames.size());
        assertEquals(120 - failed, pipeline.processed());
        assertEquals(0, pipeline.overtaken());
        assertIncreasing(out.frames);
    }

    @Test
    void stopEndsBothWorkersAndEnableReachesBoth() throws Exception {
        FakeDetector a = FakeDetector.taking(1);
        FakeDetector b = FakeDetector.taking(1);
        Collected out = new Collected();
        CameraPipeline pipeline = pipeline(new CountingSource(0), out, CameraPipeline.ORDER_PATIENCE, a, b);
        assertEquals(2, pipeline.workers());
        Thread thread = start(pipeline);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while ((a.calls.get() < 5 || b.calls.get() < 5) && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(2, a.threads.size() + b.threads.size(), "one thread per worker");
        pipeline.enabled(false);
        Thread.sleep(400);
        int pausedA = a.calls.get();
        int pausedB = b.calls.get();
        Thread.sleep(400);
        assertEquals(pausedA + pausedB, a.calls.get() + b.calls.get(), "neither worker detects while disabled");
        pipeline.enabled(true);
        deadline = System.nanoTime() + 10_000_000_000L;
        while ((a.calls.get() <= pausedA || b.calls.get() <= pausedB) && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertTrue(a.calls.get() > pausedA && b.calls.get() > pausedB, "both workers detect again");
        pipeline.stop();
        thread.join(3000);
        assertFalse(thread.isAlive(), "run returns once stopped");
        List<Thread> workers = new ArrayList<>(a.threads);
        workers.addAll(b.threads);
        for (Thread worker : workers) {
            worker.join(3000);
            assertFalse(worker.isAlive(), worker.getName() + " ended");
        }
        assertIncreasing(out.frames);
    }
}
