package dev.edgevision.device.snapshot;

import dev.edgevision.core.detect.Detection;
import dev.edgevision.core.detect.DetectionRecord;
import dev.edgevision.core.frame.Frame;
import dev.edgevision.device.events.ObjectTracker;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The best picture of each label on each camera, and the latest frame on request.
 *
 * <p>Per camera and label, the snapshot shows the confirmed track with the highest top score among
 * those in view (the last one once none is): its best frame, with that label's boxes drawn, as a
 * JPEG handed to the {@link Sink}. A track's best frame is copied on the camera's thread when its
 * top score rises (tentative tracks too, since the best frame may come before confirmation), into
 * a small per-camera pool of frames; it is encoded on the encoder's thread, only when the label's
 * snapshot changes and at most once per {@code minInterval} per label (a later change waits for
 * the interval and the newest best is sent then).
 *
 * <p>{@link #tracked} and {@link #frame} run on the camera's thread, in that order, for each frame;
 * {@link #latest} may be called from any thread.
 */
public final class BestSnapshots implements AutoCloseable {
    /** Where finished snapshots go (MQTT: retained on {@code .../{camera}/{label}/snapshot}). */
    @FunctionalInterface
    public interface Sink {
        void snapshot(String camera, String label, byte[] jpeg);
    }

    /** The object a label's snapshot shows: its track, the frame and that frame's capture time. */
    public record Ref(String trackId, long frame, long tsMillis) {
    }

    /** A frame encoded on request. */
    public record Jpeg(byte[] bytes, long frame, long tsMillis, int width, int height, int detections) {
    }

    private final Sink sink;
    private final long minIntervalNanos;
    private final int framesPerCamera;
    private final SnapshotEncoder encoder;
    private final Map<String, CameraState> cameras = new ConcurrentHashMap<>();
    private final AtomicLong copies = new AtomicLong();
    private final AtomicLong copyNanos = new AtomicLong();
    private final AtomicLong poolMisses = new AtomicLong();
    private final AtomicLong published = new AtomicLong();

    /**
     * @param minInterval least time between two snapshots of one label on one camera
     * @param framesPerCamera most frame copies a camera holds at once (best frames of open tracks
     *     and frames waiting to be encoded); beyond it a new best frame is not kept
     */
    public BestSnapshots(Sink sink, Duration minInterval, int framesPerCamera, double quality) {
        if (framesPerCamera < 1) {
            throw new IllegalArgumentException("framesPerCamera must be at least 1, got " + framesPerCamera);
        }
        this.sink = sink;
        this.minIntervalNanos = minInterval.toNanos();
        this.framesPerCamera = framesPerCamera;
        this.encoder = new SnapshotEncoder(quality);
    }

    /** One snapshot a second per label, 12 frame copies per camera, JPEG quality 0.8. */
    public static BestSnapshots withDefaults(Sink sink) {
        return new BestSnapshots(sink, Duration.ofSeconds(1), 12, 0.8);
    }

    private static final class Candidate {
        final String trackId;
        final String label;
        final Frame frame;
        final List<Detection> detections;
        final double score;

        Candidate(String trackId, String label, Frame frame, List<Detection> detections, double score) {
            this.trackId = trackId;
            this.label = label;
            this.frame = frame;
            this.detections = detections;
            this.score = score;
        }
    }

    private static final class LabelState {
        Ref ref;
        String sentTrack;
        long sentFrame = -1;
        long lastSent = Long.MIN_VALUE / 2;
    }

    private final class CameraState {
        final String name;
        final Map<String, Candidate> candidates = new HashMap<>();
        final Map<String, LabelState> labels = new ConcurrentHashMap<>();
        final ConcurrentLinkedQueue<Frame> free = new ConcurrentLinkedQueue<>();
        final AtomicInteger allocated = new AtomicInteger();
        final ConcurrentLinkedQueue<CompletableFuture<Jpeg>> wanted = new ConcurrentLinkedQueue<>();
        List<ObjectTracker.Live> live = List.of();
        long liveFrame = -1;

        CameraState(String name) {
            this.name = name;
        }

        Frame borrow() {
            Frame f = free.poll();
            if (f != null) {
                return f;
            }
            if (allocated.incrementAndGet() <= framesPerCamera) {
                return new Frame();
            }
            allocated.decrementAndGet();
            poolMisses.incrementAndGet();
            return null;
        }

        void giveBack(Frame f) {
            free.add(f);
        }
    }

    private CameraState camera(String name) {
        return cameras.computeIfAbsent(name, CameraState::new);
    }

    /**
     * Takes the tracks as they stand after {@code frame}'s detections: each label's snapshot object
     * becomes its open confirmed track with the highest top score (unchanged when none is open).
     */
    public void tracked(String camera, long frame, List<ObjectTracker.Live> live) {
        CameraState state = camera(camera);
        state.live = live;
        state.liveFrame = frame;
        Map<String, ObjectTracker.Live> best = new HashMap<>();
        for (ObjectTracker.Live t : live) {
            if (t.confirmed()) {
                best.merge(t.label(), t, (a, b) -> b.topScore() > a.topScore() ? b : a);
            }
        }
        best.forEach((label, t) -> state.labels.computeIfAbsent(label, l -> new LabelState()).ref =
                new Ref(t.id(), t.topFrame(), t.topTsMillis()));
    }

    /** The object {@code label}'s snapshot on {@code camera} shows now, or null when there is none yet. */
    public Ref ref(String camera, String label) {
        CameraState state = cameras.get(camera);
        LabelState l = state == null ? null : state.labels.get(label);
        return l == null ? null : l.ref;
    }

    /**
     * The frame {@code record} came from (valid only during the call): copies it for each track whose
     * top score it set, sends the labels' snapshots that are due, and answers {@link #latest} requests.
     */
    public void frame(String camera, Frame frame, DetectionRecord record) {
        CameraState state = camera(camera);
        if (state.liveFrame == record.frame()) {
            keepBestFrames(state, frame, record);
            dropClosedTracks(state);
            sendDue(state);
        }
        answerWanted(state, frame, record);
    }

    private void keepBestFrames(CameraState state, Frame frame, DetectionRecord record) {
        for (ObjectTracker.Live t : state.live) {
            if (t.topFrame() != record.frame()) {
                continue;
            }
            Candidate old = state.candidates.get(t.id());
            Frame copy = old != null ? old.frame : state.borrow();
            if (copy == null) {
                continue; // the pool is spent: the track keeps its earlier best frame
            }
            long start = System.nanoTime();
            copy.copyFrom(frame);
            copyNanos.addAndGet(System.nanoTime() - start);
            copies.incrementAndGet();
            List<Detection> ofLabel = record.detections().stream().filter(d -> d.label().equals(t.label())).toList();
            state.candidates.put(t.id(), new Candidate(t.id(), t.label(), copy, ofLabel, t.topScore()));
        }
    }

    private void dropClosedTracks(CameraState state) {
        List<String> open = new ArrayList<>();
        state.live.forEach(t -> open.add(t.id()));
        state.candidates.values().removeIf(c -> {
            LabelState l = state.labels.get(c.label);
            boolean shown = l != null && l.ref != null && l.ref.trackId().equals(c.trackId);
            if (open.contains(c.trackId) || shown) {
                return false;
            }
            state.giveBack(c.frame);
            return true;
        });
    }

    private void sendDue(CameraState state) {
        long now = System.nanoTime();
        state.labels.forEach((label, l) -> {
            if (l.ref == null || l.ref.trackId().equals(l.sentTrack) && l.ref.frame() == l.sentFrame
                    || now - l.lastSent < minIntervalNanos) {
                return;
            }
            if (!encoder.hasRoom()) {
                return; // the encoder is busy (another camera's burst): the candidate waits for a later frame
            }
            Candidate c = state.candidates.remove(l.ref.trackId());
            if (c == null) {
                return;
            }
            String caption = String.format(Locale.ROOT, "%s  %s %.2f  %s", state.name, label, c.score,
                    Instant.ofEpochMilli(c.frame.captureEpochMillis()));
            long sequence = c.frame.sequence();
            boolean queued = encoder.submit(state.name, c.frame, c.detections, caption, jpeg -> {
                published.incrementAndGet();
                sink.snapshot(state.name, label, jpeg);
            }, () -> state.giveBack(c.frame));
            if (queued) {
                l.sentTrack = c.trackId;
                l.sentFrame = sequence;
                l.lastSent = now;
            }
        });
    }

    /**
     * The next frame of {@code camera}, with every detection drawn, as a JPEG; completes on the
     * encoder's thread once a frame has gone through (never, if none comes: callers time out).
     */
    public CompletableFuture<Jpeg> latest(String camera) {
        CompletableFuture<Jpeg> answer = new CompletableFuture<>();
        camera(camera).wanted.add(answer);
        return answer;
    }

    private void answerWanted(CameraState state, Frame frame, DetectionRecord record) {
        if (state.wanted.isEmpty()) {
            return;
        }
        List<CompletableFuture<Jpeg>> waiting = new ArrayList<>();
        for (CompletableFuture<Jpeg> f; (f = state.wanted.poll()) != null;) {
            if (!f.isDone()) {
                waiting.add(f); // one given up on (timed out) is left out
            }
        }
        if (waiting.isEmpty()) {
            return;
        }
        Frame copy = new Frame();
        copy.copyFrom(frame);
        List<Detection> detections = record.detections();
        String caption = state.name + "  frame " + record.frame() + "  " + record.ts();
        boolean queued = encoder.submit(state.name, copy, detections, caption, jpeg -> {
            Jpeg answer = new Jpeg(jpeg, copy.sequence(), copy.captureEpochMillis(), copy.width(), copy.height(),
                    detections.size());
            waiting.forEach(w -> w.complete(answer));
        }, () -> { });
        if (!queued) {
            waiting.forEach(w -> w.completeExceptionally(new IllegalStateException(
                    "the snapshot encoder is busy; ask again")));
        }
    }

    /** Figures for benchmarks and logs: copies and their mean time, encodes and their mean time, misses. */
    public Map<String, Number> figures() {
        long n = copies.get();
        return Map.of("copies", n, "copy_ms_mean", n == 0 ? 0.0 : copyNanos.get() / 1e6 / n,
                "encoded", encoder.encoded(), "encode_ms_mean", encoder.meanEncodeMillis(),
                "published", published.get(), "pool_misses", poolMisses.get(), "encoder_refused", encoder.refused());
    }

    /** Stops the encoder after what is queued (at most 2 s). */
    @Override
    public void close() {
        encoder.close();
    }
}
