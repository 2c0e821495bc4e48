package dev.edgevision.device.service;

import dev.edgevision.core.frame.SourceStatus;
import dev.edgevision.device.mqtt.DeviceStatus;
import dev.edgevision.device.mqtt.MqttPublisher;
import dev.edgevision.device.pipeline.CameraPipeline;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Publishes the retained status when it changes and the stats every interval: frames per second,
 * glass-to-publish latency percentiles, dropped frames and camera states, per camera.
 */
public final class StatusReporter implements AutoCloseable {
    private final MqttPublisher publisher;
    private final ApplianceService service;
    private final DeviceStatus online;
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
        List<String> cameras = service.pipelines().stream().map(CameraPipeline::camera).toList();
        this.online = new DeviceStatus(service.cameraErrors().isEmpty() ? DeviceStatus.ONLINE : "degraded",
                softwareVersion, dev.edgevision.device.pipeline.DetectorFactory.identity(service.bundle()),
                service.backendName(), cameras);
        publisher.publishStatus(online);
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
        publisher.publishStats(stats());
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
