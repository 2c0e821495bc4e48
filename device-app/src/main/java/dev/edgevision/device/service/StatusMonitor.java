package dev.edgevision.device.service;

import dev.edgevision.core.frame.SourceState;
import dev.edgevision.core.frame.SourceStatus;
import dev.edgevision.device.pipeline.CameraPipeline;
import dev.edgevision.device.pipeline.ServedModel;
import dev.edgevision.device.status.CameraHealth;
import dev.edgevision.device.status.CameraStats;
import dev.edgevision.device.status.DeviceStatus;
import dev.edgevision.device.status.EngineHealth;
import dev.edgevision.device.status.HostFigures;
import dev.edgevision.device.status.ProcessFigures;
import dev.edgevision.device.status.StatsSnapshot;
import dev.edgevision.device.status.UpdateHealth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Makes the service's status and stats snapshots and tells the listeners: the status whenever it
 * changes (a camera reconnecting makes the device {@code degraded}; the backend, the engine's
 * progress or the model served changes), the stats every interval.
 */
final class StatusMonitor implements AutoCloseable {
    private final Appliance appliance;
    private final Listeners listeners;
    private final String softwareVersion;
    private final List<String> cameras;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "status-monitor");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Long> lastProcessed = new LinkedHashMap<>();
    private final HostFigures.Reader host = HostFigures.Reader.host();
    private long lastNanos = System.nanoTime();
    private DeviceStatus lastPublished;
    private volatile UpdateHealth update;

    StatusMonitor(Appliance appliance, Listeners listeners, String softwareVersion, List<String> cameras) {
        this.appliance = appliance;
        this.listeners = listeners;
        this.softwareVersion = softwareVersion;
        this.cameras = List.copyOf(cameras);
    }

    /** Publishes the first status and starts the stats timer. */
    void start(long statsSeconds) {
        publishStatusIfChanged();
        timer.scheduleAtFixedRate(this::report, statsSeconds, statsSeconds, TimeUnit.SECONDS);
    }

    private void report() {
        publishStatusIfChanged();
        listeners.stats(stats());
    }

    /** The figures since the last call, per camera. */
    synchronized StatsSnapshot stats() {
        long now = System.nanoTime();
        double seconds = Math.max(1e-9, (now - lastNanos) / 1e9);
        lastNanos = now;
        Map<String, CameraStats> figures = new LinkedHashMap<>();
        for (CameraPipeline p : appliance.pipelines()) {
            long processed = p.processed();
            long before = lastProcessed.getOrDefault(p.camera(), 0L);
            lastProcessed.put(p.camera(), processed);
            SourceStatus source = p.source().status();
            figures.put(p.camera(), new CameraStats(Math.round((processed - before) / seconds * 10) / 10.0,
                    p.latency().percentile(50), p.latency().percentile(95), p.latency().percentile(99), processed,
                    p.failures(), source.captured(), source.dropped(), source.reopened(), p.overtaken(),
                    lower(source.state()),
                    source.lastError(), p.stages().percentile(50), p.stages().percentile(95)));
        }
        return new StatsSnapshot(figures, appliance.backendName(), host.read(), ProcessFigures.now());
    }

    /** The status now: online when every camera streams (or has ended), degraded otherwise. */
    synchronized DeviceStatus status() {
        Map<String, CameraHealth> health = new LinkedHashMap<>();
        boolean healthy = appliance.cameraFailures().isEmpty();
        for (Appliance.CameraFailure failure : appliance.cameraFailures()) {
            health.put(failure.name(), new CameraHealth(failure.uri(), "failed", failure.error()));
        }
        for (CameraPipeline p : appliance.pipelines()) {
            SourceStatus source = p.source().status();
            if (!p.enabled()) {
                health.put(p.camera(), new CameraHealth(source.uri(), "disabled", null));
                continue;
            }
            health.put(p.camera(), new CameraHealth(source.uri(), lower(source.state()), source.lastError()));
            healthy &= source.state() == SourceState.STREAMING || source.state() == SourceState.ENDED
                    || source.state() == SourceState.OPENING;
        }
        ServedModel model = appliance.models().current();
        EngineHealth engine = model.engineStatus().map(e -> new EngineHealth(e.state().wireName(), e.precision(),
                e.detail(), e.elapsedSeconds())).orElse(null);
        return new DeviceStatus(healthy ? DeviceStatus.ONLINE : "degraded", softwareVersion, model.identity(),
                appliance.backendName(), cameras, health, model.backendReason(), engine, update, model.threshold());
    }

    /** Notes the latest update job and publishes the status if that changed it. */
    void update(UpdateHealth latest) {
        update = latest;
        publishStatusIfChanged();
    }

    /** Tells the listeners when anything but the engine's elapsed time changed. */
    synchronized void publishStatusIfChanged() {
        DeviceStatus now = status();
        if (lastPublished == null || !withoutElapsed(now).equals(withoutElapsed(lastPublished))) {
            lastPublished = now;
            listeners.status(now);
        }
    }

    private static DeviceStatus withoutElapsed(DeviceStatus s) {
        EngineHealth e = s.engine() == null ? null : new EngineHealth(s.engine().state(), s.engine().precision(),
                s.engine().detail(), 0);
        return new DeviceStatus(s.state(), s.softwareVersion(), s.model(), s.backend(), s.cameras(), s.cameraStates(),
                s.backendReason(), e, s.update(), s.threshold());
    }

    private static String lower(SourceState state) {
        return state.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
