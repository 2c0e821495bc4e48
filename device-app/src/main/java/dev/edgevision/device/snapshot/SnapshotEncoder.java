package dev.edgevision.device.snapshot;

import dev.edgevision.core.detect.Detection;
import dev.edgevision.core.frame.Frame;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Encodes annotated JPEGs on one background thread, so a camera's thread only copies its frame and
 * goes on. One {@link AnnotatedJpeg} per camera (its image is reused); at most {@value #BACKLOG}
 * frames wait, more are refused (and counted) rather than queued without bound.
 */
final class SnapshotEncoder implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SnapshotEncoder.class);
    static final int BACKLOG = 16;

    private final double quality;
    private final Map<String, AnnotatedJpeg> jpegs = new ConcurrentHashMap<>();
    private final ThreadPoolExecutor worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(BACKLOG), r -> {
                Thread t = new Thread(r, "snapshot-encoder");
                t.setDaemon(true);
                return t;
            });
    private final AtomicLong encoded = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong encodeNanos = new AtomicLong();

    SnapshotEncoder(double quality) {
        this.quality = quality;
        new AnnotatedJpeg(quality); // checks the quality now rather than on the first frame
    }

    /** Whether the backlog has room now (a submit may still be refused if another camera takes it first). */
    boolean hasRoom() {
        return worker.getQueue().remainingCapacity() > 0 && !worker.isShutdown();
    }

    /**
     * Queues {@code frame} (which the encoder owns until {@code release} runs) to be drawn with
     * {@code detections} and encoded; {@code done} gets the JPEG on the encoder's thread. Returns
     * false, after running {@code release}, when the backlog is full or the encoder is closed.
     */
    boolean submit(String camera, Frame frame, List<Detection> detections, String caption, Consumer<byte[]> done,
            Runnable release) {
        try {
            worker.execute(() -> {
                try {
                    long start = System.nanoTime();
                    byte[] jpeg = jpegs.computeIfAbsent(camera, c -> new AnnotatedJpeg(quality)).encode(frame,
                            detections, caption);
                    encodeNanos.addAndGet(System.nanoTime() - start);
                    encoded.incrementAndGet();
                    done.accept(jpeg);
                } catch (RuntimeException e) {
                    LOG.warn("snapshot of {} could not be encoded: {}", camera, e.toString());
                } finally {
                    release.run();
                }
            });
            return true;
        } catch (RejectedExecutionException e) {
            long n = refused.incrementAndGet();
            if (n == 1 || n % 100 == 0) {
                LOG.warn("snapshots: {} frames not encoded because {} were already waiting", n, BACKLOG);
            }
            release.run();
            return false;
        }
    }

    long encoded() {
        return encoded.get();
    }

    long refused() {
        return refused.get();
    }

    /** Mean time to draw and encode one JPEG so far, in milliseconds. */
    double meanEncodeMillis() {
        long n = encoded.get();
        return n == 0 ? 0 : encodeNanos.get() / 1e6 / n;
    }

    @Override
    public void close() {
        worker.shutdown();
        try {
            worker.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        worker.shutdownNow();
    }
}
