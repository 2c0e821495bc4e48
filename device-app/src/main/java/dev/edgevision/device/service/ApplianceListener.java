package dev.edgevision.device.service;

import dev.edgevision.core.detect.DetectionRecord;
import dev.edgevision.core.frame.Frame;
import dev.edgevision.device.status.DeviceStatus;
import dev.edgevision.device.status.StatsSnapshot;

/**
 * What hears the service's results and state: MQTT, standard output, the systemd notifier, pins,
 * an HTTP page. Every method is called on a service thread that must not wait (a camera's thread
 * for records), so implementations hand work over and return; none of them may throw.
 */
public interface ApplianceListener extends AutoCloseable {
    /** One frame's record from {@code camera}'s pipeline, on that pipeline's thread. */
    default void onRecord(String camera, DetectionRecord record) {
    }

    /**
     * The frame that {@code record} came from, on the pipeline's thread, right after
     * {@link #onRecord}. The frame is the pipeline's reusable buffer and is valid only during the
     * call: copy what you keep (see {@code snapshot.AnnotatedJpeg}) and return quickly.
     */
    default void onFrame(String camera, Frame frame, DetectionRecord record) {
    }

    /** The status has changed (state, model, backend, a camera's health). */
    default void onStatus(DeviceStatus status) {
    }

    /** The figures of the last stats interval. */
    default void onStats(StatsSnapshot stats) {
    }

    /** Called once, after the pipelines have stopped; flush and release. */
    @Override
    default void close() {
    }
}
