package dev.edgevision.core.detect;

import java.util.List;

/**
 * The detection record of the public contract: one per processed frame, the payload of the MQTT
 * detections topic and the line {@code detect} writes. Field names and meanings are fixed; new
 * fields may be added, none removed. {@link DetectionJson} writes it.
 *
 * @param schema record format, {@value #SCHEMA}
 * @param device device id
 * @param camera camera name
 * @param source the input's path or URI ({@code detect}) or the camera's URI (service)
 * @param frame the frame's sequence number
 * @param ts capture time, ISO-8601 UTC with milliseconds
 * @param width source frame width in pixels
 * @param height source frame height in pixels
 * @param model which model produced the detections
 * @param backend which backend ran it, e.g. {@code onnxruntime-cpu}
 * @param latencyMs time per stage
 * @param detections what was found
 */
public record DetectionRecord(int schema, String device, String camera, String source, long frame, String ts,
        int width, int height, ModelIdentity model, String backend, StageTimings latencyMs,
        List<Detection> detections) {
    /** The record format this code writes. */
    public static final int SCHEMA = 1;
}
