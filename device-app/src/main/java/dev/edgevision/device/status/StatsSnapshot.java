package dev.edgevision.device.status;

import java.util.Map;

/**
 * The service's figures at one moment: per camera, and the backend serving.
 *
 * @param cameras figures by camera name, in configuration order
 * @param backend the backend serving now, e.g. {@code onnxruntime-cpu}
 * @param host the machine's load, memory and temperatures, as far as the platform tells
 * @param process the service process's heap, resident memory and threads
 */
public record StatsSnapshot(Map<String, CameraStats> cameras, String backend, HostFigures host,
        ProcessFigures process) {
    public StatsSnapshot {
        cameras = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(cameras));
    }
}
