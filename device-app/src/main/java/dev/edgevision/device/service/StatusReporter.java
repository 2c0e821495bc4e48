package dev.edgevision.device.service;

import dev.edgevision.core.frame.SourceState;
import dev.edgevision.core.frame.SourceStatus;
import dev.edgevision.device.mqtt.CameraHealth;
import dev.edgevision.device.mqtt.DeviceStatus;
import dev.edgevision.device.mqtt.EngineHealth;
import dev.edgevision.device.mqtt.MqttPublisher;
import dev.edgevision.device.pipeline.CameraPipeline;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Publishes the retained status when it changes (a camera reconnecting makes the device
 * {@code degraded}, with each camera's state and last error) and the stats every interval: frames
 * per second, glass-to-publish latency percentiles, dropped frames and camera states, per camera.
 */
public final class StatusReporter implements AutoCloseable {
    private final MqttPublisher publisher;
    private final ApplianceService service;
    private final DeviceStatus online;
    private DeviceStatus lastPublished;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "status-reporter");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Long> lastProcessed = new LinkedHashMap<>();
    private long lastNanos = System.nanoTime();

    public StatusReporter(MqttPublisher publisher, ApplianceService service, String softwareVersion, long seconds) {
        this.publisher = publisher;
        this.service = service;
        List<String> cameras = java.util.stream.Stream.concat(service.pipelines().stream().map(CameraPipeline::camera),
                service.cameraFailures().stream().map(ApplianceService.CameraFailure::name)).toList();
        this.online = new DeviceStatus(DeviceStatus.ONLINE,
                softwareVersion, dev.edgevision.device.pipeline.DetectorFactory.identity(service.bundle()),
                service.backendName(), cameras);
        publishStatusIfChanged();
        service.onBackendChange(this::publishStatusIfChanged);
        timer.scheduleAtFixedRate(this::report, seconds, seconds, TimeUnit.SECONDS);
    }

    /** The stats message as published. */
    synchronized Map<String, Object> stats() {
        long now = System.nanoTime();
        double seconds = Math.max(1e-9, (now - lastNanos) / 1e9);
        lastNanos = now;
        Map<String, Object> cameras = new LinkedHashMap<>();
        for (CameraPipeline p : service.pipelines()) {
            long processed = p.processed();
            long before = lastProcessed.getOrDefault(p.camera(), 0L);
            lastProcessed.put(p.camera(), processed);
            SourceStatus source = p.source().status();
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("fps", Math.round((processed - before) / seconds * 10) / 10.0);
            c.put("latency_ms", Map.of("p50", p.latency().percentile(50), "p95", p.latency().percentile(95),
                    "p99", p.latency().percentile(99)));
            c.put("processed", processed);
            c.put("failed", p.failures());
            c.put("captured", source.captured());
            c.put("dropped", source.dropped());
            c.put("reopened", source.reopened());
            c.put("state", source.state().name().toLowerCase(java.util.Locale.ROOT));
            if (source.lastError() != null) {
                c.put("last_error", source.lastError());
            }
            cameras.put(p.camera(), c);
        }
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("cameras", cameras);
        stats.put("backend", service.backendName());
        return stats;
    }

    private void report() {
        publishStatusIfChanged();
        publisher.publishStats(stats());
    }

    /** The status, online when every camera streams (or has ended), degraded otherwise. */
    synchronized DeviceStatus status() {
        Map<String, CameraHealth> health = new LinkedHashMap<>();
        boolean healthy = service.cameraFailures().isEmpty();
        for (ApplianceService.CameraFailure failure : service.cameraFailures()) {
            health.put(failure.name(), new CameraHealth(failure.uri(), "failed", failure.error()));
        }
        for (CameraPipeline p : service.pipelines()) {
            SourceStatus source = p.source().status();
            String state = source.state().name().toLowerCase(java.util.Locale.ROOT);
            health.put(p.camera(), new CameraHealth(source.uri(), state, source.lastError()));
            healthy &= source.state() == SourceState.STREAMING || source.state() == SourceState.ENDED
                    || source.state() == SourceState.OPENING;
        }
        EngineHealth engine = service.engineStatus().map(e -> new EngineHealth(e.state().wireName(), e.precision(),
                e.detail(), e.elapsedSeconds())).orElse(null);
        return new DeviceStatus(healthy ? DeviceStatus.ONLINE : "degraded", online.softwareVersion(), online.model(),
                service.backendName(), online.cameras(), health, service.backendReason(), engine);
    }

    /** Publishes the status when anything but the engine's elapsed time changed (cameras, backend, engine progress). */
    private synchronized void publishStatusIfChanged() {
        DeviceStatus now = status();
        if (lastPublished == null || !withoutElapsed(now).equals(withoutElapsed(lastPublished))) {
            lastPublished = now;
            publisher.publishStatus(now);
        }
    }

    private static DeviceStatus withoutElapsed(DeviceStatus s) {
        EngineHealth e = s.engine() == null ? null : new EngineHealth(s.engine().state(), s.engine().precision(),
                s.engine().detail(), 0);
        return new DeviceStatus(s.state(), s.softwareVersion(), s.model(), s.backend(), s.cameras(), s.cameraStates(),
                s.backendReason(), e);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
