package dev.edgevision.device.service;

import dev.edgevision.core.detect.DetectionPublisher;
import dev.edgevision.core.detect.DetectionRecord;
import dev.edgevision.core.frame.Frame;
import dev.edgevision.device.pipeline.FrameTap;
import dev.edgevision.device.status.DeviceStatus;
import dev.edgevision.device.status.StatsSnapshot;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's listeners, told of each event in turn. A listener that throws is logged (once a
 * minute at most) and the others are still told: one broken listener never stops a pipeline.
 */
final class Listeners implements DetectionPublisher, FrameTap {
    private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);

    private final List<ApplianceListener> all = new CopyOnWriteArrayList<>();
    private volatile long lastWarning;

    void add(ApplianceListener listener) {
        all.add(listener);
    }

    @Override
    public void publish(String camera, DetectionRecord record) {
        for (ApplianceListener l : all) {
            try {
                l.onRecord(camera, record);
            } catch (RuntimeException e) {
                warn(l, e);
            }
        }
    }

    @Override
    public void frameDone(String camera, Frame frame, DetectionRecord record) {
        for (ApplianceListener l : all) {
            try {
                l.onFrame(camera, frame, record);
            } catch (RuntimeException e) {
                warn(l, e);
            }
        }
    }

    void status(DeviceStatus status) {
        for (ApplianceListener l : all) {
            try {
                l.onStatus(status);
            } catch (RuntimeException e) {
                warn(l, e);
            }
        }
    }

    void stats(StatsSnapshot stats) {
        for (ApplianceListener l : all) {
            try {
                l.onStats(stats);
            } catch (RuntimeException e) {
                warn(l, e);
            }
        }
    }

    private void warn(ApplianceListener listener, RuntimeException e) {
        long now = System.nanoTime();
        if (now - lastWarning > 60_000_000_000L) {
            lastWarning = now;
            LOG.warn("listener {} failed: {}", listener.getClass().getSimpleName(), e.toString(), e);
        }
    }

    /** Closes every listener, in the order they were added. */
    @Override
    public void close() {
        for (ApplianceListener l : all) {
            try {
                l.close();
            } catch (RuntimeException e) {
                LOG.warn("listener {} failed to close: {}", l.getClass().getSimpleName(), e.toString());
            }
        }
    }
}
