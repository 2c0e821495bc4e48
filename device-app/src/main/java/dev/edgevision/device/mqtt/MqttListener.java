package dev.edgevision.device.mqtt;

import dev.edgevision.core.detect.DetectionRecord;
import dev.edgevision.device.service.ApplianceListener;
import dev.edgevision.device.status.CameraStats;
import dev.edgevision.device.status.DeviceStatus;
import dev.edgevision.device.status.HostFigures;
import dev.edgevision.device.status.ProcessFigures;
import dev.edgevision.device.status.StatsSnapshot;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The service's results and state on MQTT (CONTRACT §3): records on each camera's detections
 * topic, the status retained, the stats every interval. It only formats; the publisher queues.
 */
public final class MqttListener implements ApplianceListener {
    private final MqttPublisher publisher;

    public MqttListener(MqttPublisher publisher) {
        this.publisher = publisher;
    }

    public MqttPublisher publisher() {
        return publisher;
    }

    @Override
    public void onRecord(String camera, DetectionRecord record) {
        publisher.publish(camera, record);
    }

    @Override
    public void onStatus(DeviceStatus status) {
        publisher.publishStatus(status);
    }

    @Override
    public void onStats(StatsSnapshot stats) {
        publisher.publishStats(fields(stats));
    }

    /** The stats topic's fields: {@code cameras} by name (fps, latency_ms, counts, state, last_error), {@code backend}, {@code host} (the figures the machine has) and {@code process} (heap, RSS, threads). */
    static Map<String, Object> fields(StatsSnapshot stats) {
        Map<String, Object> cameras = new LinkedHashMap<>();
        stats.cameras().forEach((name, s) -> cameras.put(name, camera(s)));
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("cameras", cameras);
        if (stats.backend() != null) {
            fields.put("backend", stats.backend());
        }
        if (stats.host() != null) {
            fields.put("host", host(stats.host()));
        }
        if (stats.process() != null) {
            ProcessFigures p = stats.process();
            Map<String, Object> process = new LinkedHashMap<>();
            process.put("heap_used_mb", p.heapUsedMb());
            process.put("heap_after_gc_mb", p.heapAfterGcMb());
            process.put("heap_max_mb", p.heapMaxMb());
            putIfKnown(process, "rss_mb", p.rssMb());
            process.put("threads", p.threads());
            fields.put("process", process);
        }
        return fields;
    }

    private static Map<String, Object> host(HostFigures h) {
        Map<String, Object> m = new LinkedHashMap<>();
        putIfKnown(m, "cpu_percent", h.cpuPercent());
        putIfKnown(m, "gpu_percent", h.gpuPercent());
        putIfKnown(m, "memory_used_mb", h.memoryUsedMb());
        putIfKnown(m, "memory_total_mb", h.memoryTotalMb());
        putIfKnown(m, "temperatures_c", h.temperaturesC());
        return m;
    }

    private static void putIfKnown(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }

    private static Map<String, Object> camera(CameraStats s) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("fps", s.fps());
        c.put("latency_ms", Map.of("p50", s.p50(), "p95", s.p95(), "p99", s.p99()));
        c.put("processed", s.processed());
        c.put("failed", s.failed());
        c.put("captured", s.captured());
        c.put("dropped", s.dropped());
        c.put("reopened", s.reopened());
        c.put("overtaken", s.overtaken());
        c.put("state", s.state());
        if (s.stagesP50() != null && s.stagesP95() != null) {
            Map<String, Object> stages = new LinkedHashMap<>();
            s.stagesP50().forEach((stage, p50) -> {
                if (!Double.isNaN(p50)) {
                    stages.put(stage, Map.of("p50", p50, "p95", s.stagesP95().get(stage)));
                }
            });
            c.put("stages_ms", stages);
        }
        if (s.lastError() != null) {
            c.put("last_error", s.lastError());
        }
        return c;
    }

    /** Closes the publisher: it sends the offline status and keeps unsent QoS 1 messages in the spool. */
    @Override
    public void close() {
        publisher.close();
    }
}
