package dev.edgevision.device.pipeline;

import dev.edgevision.core.detect.DetectionPublisher;
import dev.edgevision.core.detect.DetectionRecord;
import dev.edgevision.core.detect.Detector;
import dev.edgevision.core.detect.DetectorException;
import dev.edgevision.core.frame.CaptureStatus;
import dev.edgevision.core.frame.Frame;
import dev.edgevision.core.frame.FrameSource;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One camera's loop on its own thread: take the newest frame, detect, build the record, hand it
 * to the publisher (which never blocks), repeat. A failing frame is counted and logged at most
 * once a minute; a source that is reconnecting is waited for; the loop ends only when stopped or
 * when a finite source ends.
 */
public final class CameraPipeline implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(CameraPipeline.class);
    private static final Duration GRAB_TIMEOUT = Duration.ofMillis(250);

    private final String camera;
    private final FrameSource source;
    private final Detector detector;
    private final RecordFactory records;
    private final DetectionPublisher publisher;
    private final FrameTap tap;
    private final LatencyWindow latency = new LatencyWindow(4096);
    private final StageWindows stages = new StageWindows(1024);
    private final AtomicLong processed = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private volatile boolean running = true;
    private volatile boolean enabled = true;
    private volatile String lastError;
    private long lastErrorLog;

    public CameraPipeline(String camera, FrameSource source, Detector detector, RecordFactory records,
            DetectionPublisher publisher) {
        this(camera, source, detector, records, publisher, FrameTap.NONE);
    }

    /** A pipeline that also shows each processed frame and its record to {@code tap}. */
    public CameraPipeline(String camera, FrameSource source, Detector detector, RecordFactory records,
            DetectionPublisher publisher, FrameTap tap) {
        this.tap = tap;
        this.camera = camera;
        this.source = source;
        this.detector = detector;
        this.records = records;
        this.publisher = publisher;
    }

    @Override
    public void run() {
        Frame frame = new Frame();
        while (running) {
            if (!enabled) {
                pause();
                continue;
            }
            CaptureStatus status = source.grab(frame, GRAB_TIMEOUT);
            if (status == CaptureStatus.OK) {
                process(frame);
            } else if (status == CaptureStatus.END_OF_STREAM) {
                LOG.info("{}: {} has ended", camera, source.uri());
                break;
            }
        }
    }

    private void process(Frame frame) {
        long grabbed = System.nanoTime();
        try {
            Detector.Result result = detector.detect(frame);
            DetectionRecord record = records.record(source.uri(), frame, grabbed, result);
            publisher.publish(camera, record);
            tap.frameDone(camera, frame, record);
            latency.record(record.latencyMs().total());
            stages.record(record.latencyMs());
            processed.incrementAndGet();
        } catch (DetectorException | RuntimeException | OutOfMemoryError | StackOverflowError e) {
            // One frame that fails, even by running out of memory, costs that frame, not the camera.
            failures.incrementAndGet();
            lastError = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            long now = System.nanoTime();
            if (now - lastErrorLog > 60_000_000_000L) {
                lastErrorLog = now;
                LOG.warn("{}: frame {} failed: {}", camera, frame.sequence(), e.getMessage(), e);
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(GRAB_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Turns detection on or off from the next frame; the source keeps capturing meanwhile. */
    public void enabled(boolean on) {
        enabled = on;
    }

    public boolean enabled() {
        return enabled;
    }

    /** Asks the loop to end after the current frame. */
    public void stop() {
        running = false;
    }

    public String camera() {
        return camera;
    }

    /** The detector this pipeline runs (the model slot's, which follows swaps). */
    public Detector detector() {
        return detector;
    }

    public FrameSource source() {
        return source;
    }

    /** Glass-to-publish latencies of recent frames. */
    /** Recent frames' time in each stage. */
    public StageWindows stages() {
        return stages;
    }

    public LatencyWindow latency() {
        return latency;
    }

    public long processed() {
        return processed.get();
    }

    public long failures() {
        return failures.get();
    }

    /** The most recent frame failure, or {@code null}. */
    public String lastError() {
        return lastError;
    }
}
