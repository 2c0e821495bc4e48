package dev.edgevision.device.http;

import dev.edgevision.device.pipeline.CameraPipeline;
import dev.edgevision.device.service.Appliance;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether the service is ready: started, and the first frame of every enabled camera has gone
 * through its pipeline. A camera that could not be opened keeps the service unready. The reasons
 * name cameras and states only, never a source URI (which may hold credentials).
 */
final class Readiness {
    /** The answer: ready, or why not. */
    record Answer(boolean ready, List<String> waiting) {
    }

    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private volatile Appliance appliance;

    /** Notes that {@code camera} has delivered a frame through its pipeline. */
    void frame(String camera) {
        if (!seen.contains(camera)) {
            seen.add(camera);
        }
    }

    void attach(Appliance started) {
        this.appliance = started;
    }

    Answer now() {
        Appliance a = appliance;
        if (a == null) {
            return new Answer(false, List.of("starting: the model and cameras are being opened"));
        }
        List<String> waiting = new ArrayList<>();
        for (Appliance.CameraFailure failure : a.cameraFailures()) {
            waiting.add("camera " + failure.name() + " could not be opened");
        }
        for (CameraPipeline p : a.pipelines()) {
            if (p.enabled() && !seen.contains(p.camera())) {
                waiting.add("camera " + p.camera() + " has not delivered a frame yet (source "
                        + p.source().status().state().name().toLowerCase(java.util.Locale.ROOT) + ")");
            }
        }
        return new Answer(waiting.isEmpty(), waiting);
    }
}
