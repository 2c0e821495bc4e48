package dev.edgevision.device.http;

import dev.edgevision.core.detect.DetectionRecord;
import dev.edgevision.core.frame.Frame;
import dev.edgevision.device.snapshot.AnnotatedJpeg;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The preview of every camera: on each processed frame (pipeline thread), when the camera's slot
 * is due, the frame is drawn with its detections and a caption (camera, frame rate, latency) and
 * encoded once through {@link AnnotatedJpeg}; its viewers share the bytes. With no viewer nothing is
 * drawn or encoded.
 */
final class PreviewFeed {
    /** Called with each encode's duration, for the metrics. */
    interface EncodeTimer {
        void encoded(String camera, double millis);
    }

    private final double maxFps;
    private final double quality;
    private final Map<String, Camera> cameras = new ConcurrentHashMap<>();
    private volatile EncodeTimer timer = (c, ms) -> { };

    PreviewFeed(double maxFps, double quality) {
        this.maxFps = maxFps;
        this.quality = quality;
    }

    void timer(EncodeTimer encodeTimer) {
        this.timer = encodeTimer;
    }

    /** On {@code camera}'s pipeline thread, for every processed frame. */
    void frame(String camera, Frame frame, DetectionRecord record) {
        Camera c = camera(camera);
        long now = System.nanoTime();
        c.rate.frame(now);
        if (!c.slot.due(now)) {
            return;
        }
        String caption = String.format(Locale.ROOT, "%s  %.1f fps  %.1f ms  %s", camera, c.rate.fps(),
                record.latencyMs() == null ? 0.0 : record.latencyMs().total(), record.backend());
        long t0 = System.nanoTime();
        byte[] jpeg = c.jpeg.encode(frame, record.detections(), caption);
        double millis = (System.nanoTime() - t0) / 1e6;
        c.slot.publish(jpeg);
        timer.encoded(camera, millis);
    }

    /** The slot of {@code camera}, made on first use. */
    PreviewSlot slot(String camera) {
        return camera(camera).slot;
    }

    /** Cameras seen so far. */
    List<String> cameras() {
        return List.copyOf(cameras.keySet());
    }

    private Camera camera(String name) {
        Camera c = cameras.get(name);
        if (c == null) {
            c = cameras.computeIfAbsent(name, n -> new Camera(new PreviewSlot(maxFps), new AnnotatedJpeg(quality)));
        }
        return c;
    }

    private record Camera(PreviewSlot slot, AnnotatedJpeg jpeg, FrameRate rate) {
        Camera(PreviewSlot slot, AnnotatedJpeg jpeg) {
            this(slot, jpeg, new FrameRate());
        }
    }

    /** Frames per second of one pipeline, smoothed over about a second of frames. */
    static final class FrameRate {
        private long last;
        private double meanInterval;

        void frame(long now) {
            if (last != 0) {
                double interval = (now - last) / 1e9;
                meanInterval = meanInterval == 0 ? interval : meanInterval * 0.9 + interval * 0.1;
            }
            last = now;
        }

        double fps() {
            return meanInterval == 0 ? 0 : 1 / meanInterval;
        }
    }
}
