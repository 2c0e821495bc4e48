package dev.edgevision.trainer.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Where one device stands in a deploy, from its retained job status ({@code .../jobs/{id}/status})
 * and its device status ({@code .../status}), as the workstation last heard them.
 *
 * @param device the device id
 * @param state the job's state as the device reports it ({@code queued}, {@code in_progress},
 *     {@code succeeded}, {@code failed}, {@code rejected}, {@code canceled}), {@code timed_out} when
 *     the deploy stopped waiting, or null before the device said anything about the job
 * @param step {@code downloading} ... {@code probation} while in progress, else the last step or null
 * @param done bytes downloaded
 * @param total bytes to download
 * @param errorCode the device's error code, or null
 * @param message the device's message, or null
 * @param resumed whether the device carried the job on after a restart
 * @param model the model the device reports for the job ({@code name version}), or null
 * @param deviceState the device's own state ({@code online}, {@code offline}, ...), or null if never heard
 * @param seconds from the job's publication to its end (or to now)
 */
public record DeviceProgress(String device, String state, String step, long done, long total, String errorCode,
        String message, boolean resumed, String model, String deviceState, double seconds) {
    /** The states a device ends a job in. */
    public static final List<String> TERMINAL = List.of("succeeded", "failed", "rejected", "canceled");

    /** Nothing heard yet. */
    static DeviceProgress waiting(String device) {
        return new DeviceProgress(device, null, null, 0, 0, null, null, false, null, null, 0);
    }

    /** With the job status the device published. */
    DeviceProgress withJobStatus(JsonNode s, double now) {
        JsonNode error = s.path("error");
        JsonNode m = s.path("model");
        String modelName = m.isObject() ? (m.path("name").asText("") + " " + m.path("version").asText("")).trim()
                : model;
        String newStep = s.path("step").isTextual() ? s.path("step").asText() : step;
        return new DeviceProgress(device, s.path("state").asText(null), newStep,
                s.path("progress").path("done").asLong(done), s.path("progress").path("total").asLong(total),
                error.isObject() ? error.path("code").asText(null) : null,
                error.isObject() ? error.path("message").asText(s.path("message").asText(null))
                        : s.path("message").asText(null),
                s.path("resumed").asBoolean(false), modelName, deviceState, now);
    }

    /** With the device's own state. */
    DeviceProgress withDeviceState(String newDeviceState) {
        return new DeviceProgress(device, state, step, done, total, errorCode, message, resumed, model, newDeviceState,
                seconds);
    }

    /** The deploy stopped waiting at {@code now}. */
    DeviceProgress timedOut(double now) {
        return new DeviceProgress(device, "timed_out", step, done, total, errorCode, message, resumed, model,
                deviceState, now);
    }

    /** With the time so far. */
    DeviceProgress at(double now) {
        return ended() ? this : new DeviceProgress(device, state, step, done, total, errorCode, message, resumed, model,
                deviceState, now);
    }

    /** Whether the job has ended on the device or the deploy gave up on it. */
    public boolean ended() {
        return state != null && (TERMINAL.contains(state) || state.equals("timed_out"));
    }

    /** Whether the device installed the model and it passed its probation. */
    public boolean succeeded() {
        return "succeeded".equals(state);
    }

    /** How far along the job is, 0..1: the download counts for 60 %, each later step a share of the rest. */
    public double fraction() {
        if (succeeded()) {
            return 1;
        }
        if (step == null) {
            return 0;
        }
        return switch (step) {
            case "downloading" -> total > 0 ? 0.6 * Math.min(1.0, (double) done / total) : 0;
            case "verifying" -> 0.65;
            case "preparing" -> 0.7;
            case "validating" -> 0.8;
            case "activating" -> 0.85;
            case "probation" -> 0.9;
            default -> 0;
        };
    }
}
