package dev.edgevision.device.pipeline;

import dev.edgevision.core.detect.DetectionPublisher;
import dev.edgevision.core.detect.DetectionRecord;
import dev.edgevision.core.detect.Detector;
import dev.edgevision.core.detect.DetectorException;
import dev.edgevision.core.frame.CaptureStatus;
import dev.edgevision.core.frame.Frame;
import dev.edgevision.core.frame.FrameSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One camera's loop: take the newest frame, detect, build the record, hand it to the publisher
 * (which never blocks), repeat. It runs on the thread that calls {@link #run}; with more than one
 * detector, each further one gets a worker thread of its own, with its own frame buffer, so that
 * many frames are in flight at once. Records still go out in the order the frames were grabbed
 * ({@link RecordOrder}: a worker waits up to {@link #ORDER_PATIENCE} for the frames ahead of it,
 * whose records are dropped if they come later still). A failing frame is counted and logged at
 * most once a minute; a source that is reconnecting is waited for; the loop ends only when stopped
 * or when a finite source ends, and {@link #run} returns once every worker has ended.
 */
public final class CameraPipeline implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(CameraPipeline.class);
    private static final Duration GRAB_TIMEOUT = Duration.ofMillis(250);
    private static final long LOG_INTERVAL_NANOS = 60_000_000_000L;

    /** How long a worker's record waits for the records of frames grabbed before its own. */
    public static final Duration ORDER_PATIENCE = Duration.ofSeconds(1);

    private final String camera;
    private final FrameSource source;
    private final List<Worker> workers = new ArrayList<>();
    private final DetectionPublisher publisher;
    private final FrameTap tap;
    private final Object grabbing = new Object();
    private final RecordOrder order;
    private final Duration orderPatience;
    private final LatencyWindow latency = new LatencyWindow(4096);
    private final StageWindows stages = new StageWindows(1024);
    private final AtomicLong processed = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong overtaken = new AtomicLong();
    private final AtomicLong lastErrorLog = new AtomicLong();
    private final AtomicLong lastOvertakenLog = new AtomicLong();
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile boolean running = true;
    private volatile boolean enabled = true;
    private volatile String lastError;

    public CameraPipeline(String camera, FrameSource source, Detector detector, RecordFactory records,
            DetectionPublisher publisher) {
        this(camera, source, detector, records, publisher, FrameTap.NONE);
    }

    /** A pipeline that also shows each processed frame and its record to {@code tap}. */
    public CameraPipeline(String camera, FrameSource source, Detector detector, RecordFactory records,
            DetectionPublisher publisher, FrameTap tap) {
        this(camera, source, List.of(detector), d -> records, publisher, tap);
    }

    /**
     * A pipeline with one worker per detector in {@code detectors} (each used by its worker's
     * thread only), whose records come from {@code records} of that worker's detector.
     */
    public CameraPipeline(String camera, FrameSource source, List<Detector> detectors,
            Function<Detector, RecordFactory> records, DetectionPublisher publisher, FrameTap tap) {
        this(camera, source, detectors, records, publisher, tap, ORDER_PATIENCE);
    }

    CameraPipeline(String camera, FrameSource source, List<Detector> detectors,
            Function<Detector, RecordFactory> records, DetectionPublisher publisher, FrameTap tap,
            Duration orderPatience) {
        if (detectors.isEmpty()) {
            throw new IllegalArgumentException("a pipeline needs at least one detector");
        }
        this.camera = camera;
        this.source = source;
        this.publisher = publisher;
        this.tap = tap;
        this.order = new RecordOrder(orderPatience);
        this.orderPatience = orderPatience;
        for (Detector d : detectors) {
            workers.add(new Worker(d, records.apply(d)));
        }
    }

    @Override
    public void run() {
        List<Thread> others = new ArrayList<>();
        String name = Thread.currentThread().getName();
        for (int i = 1; i < workers.size(); i++) {
            Thread thread = new Thread(workers.get(i), name + "-" + (i + 1));
            thread.setDaemon(true);
            thread.start();
            others.add(thread);
        }
        workers.get(0).run();
        try {
            for (Thread thread : others) {
                thread.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One frame in flight: its own detector, record factory and frame buffer. */
    private final class Worker implements Runnable {
        private final Detector detector;
        private final RecordFactory records;
        private final Frame frame = new Frame();

        Worker(Detector detector, RecordFactory records) {
            this.detector = detector;
            this.records = records;
        }

        @Override
        public void run() {
            while (running && !ended.get()) {
                if (!enabled) {
                    pause();
                    continue;
                }
                CaptureStatus status;
                long ticket = -1;
                synchronized (grabbing) {
                    status = source.grab(frame, GRAB_TIMEOUT);
                    if (status == CaptureStatus.OK) {
                        ticket = order.ticket();
                    }
                }
                if (status == CaptureStatus.OK) {
                    process(ticket);
                } else if (status == CaptureStatus.END_OF_STREAM) {
                    if (ended.compareAndSet(false, true)) {
                        LOG.info("{}: {} has ended", camera, source.uri());
                    }
                    break;
                }
            }
        }

        private void process(long ticket) {
            long grabbed = System.nanoTime();
            try {
                Detector.Result result = detector.detect(frame);
                if (!order.awaitTurn(ticket)) {
                    overtaken(frame.sequence());
                    return;
                }
                try {
                    DetectionRecord record = records.record(source.uri(), frame, grabbed, result);
                    publisher.publish(camera, record);
                    tap.frameDone(camera, frame, record);
                    latency.record(record.latencyMs().total());
                    stages.record(record.latencyMs());
                    processed.incrementAndGet();
                } finally {
                    order.done(ticket);
                }
            } catch (DetectorException | RuntimeException | OutOfMemoryError | StackOverflowError e) {
                // One frame that fails, even by running out of memory, costs that frame, not the camera.
                order.pass(ticket);
                failures.incrementAndGet();
                lastError = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                if (dueToLog(lastErrorLog)) {
                    LOG.warn("{}: frame {} failed: {}", camera, frame.sequence(), e.getMessage(), e);
                }
            }
        }
    }

    private void overtaken(long sequence) {
        overtaken.incrementAndGet();
        if (dueToLog(lastOvertakenLog)) {
            LOG.warn("{}: frame {}'s record dropped: a frame grabbed after it went out first, having waited {} ms"
                    + " for it", camera, sequence, orderPatience.toMillis());
        }
    }

    private static boolean dueToLog(AtomicLong last) {
        long now = System.nanoTime();
        long before = last.get();
        return now - before > LOG_INTERVAL_NANOS && last.compareAndSet(before, now);
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

    /** Asks every worker to end after its current frame. */
    public void stop() {
        running = false;
    }

    public String camera() {
        return camera;
    }

    /** The first worker's detector (the model slot's, which follows swaps). */
    public Detector detector() {
        return workers.get(0).detector;
    }

    /** How many frames this pipeline keeps in flight: its workers. */
    public int workers() {
        return workers.size();
    }

    public FrameSource source() {
        return source;
    }

    /** Recent frames' time in each stage. */
    public StageWindows stages() {
        return stages;
    }

    /** Glass-to-publish latencies of recent frames. */
    public LatencyWindow latency() {
        return latency;
    }

    public long processed() {
        return processed.get();
    }

    public long failures() {
        return failures.get();
    }

    /** Records dropped because a frame grabbed after theirs went out first (see {@link #ORDER_PATIENCE}). */
    public long overtaken() {
        return overtaken.get();
    }

    /** The most recent frame failure, or {@code null}. */
    public String lastError() {
        return lastError;
    }
}
