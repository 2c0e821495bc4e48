package dev.edgevision.device.status;

import dev.edgevision.core.detect.ModelIdentity;
import java.util.List;
import java.util.Map;

/**
 * What the retained status topic says about the device. The publisher adds the device id, a time
 * stamp and its own connection figures.
 *
 * @param state {@value #ONLINE}, {@value #OFFLINE} (the last will and a clean shutdown), or another
 *     state the service sets, such as {@code starting} or {@code degraded}
 * @param softwareVersion the device application's version
 * @param model the model being served, or null before one is loaded
 * @param backend the inference backend, e.g. {@code onnxruntime-cpu}, or null
 * @param cameras names of the configured cameras
 * @param cameraStates each camera's health by name, or null when not known yet
 * @param backendReason why this backend serves (no GPU, no libnvinfer, version mismatch, engine
 *     building, engine failed), or null
 * @param engine the TensorRT engine's progress when the TensorRT backend was selected, else null
 * @param update the latest model update job, when there was one since the start, else null
 * @param threshold the score below which detections are not reported now, or null when not known
 */
public record DeviceStatus(String state, String softwareVersion, ModelIdentity model, String backend,
        List<String> cameras, Map<String, CameraHealth> cameraStates, String backendReason, EngineHealth engine,
        UpdateHealth update, Double threshold) {
    public static final String ONLINE = "online";
    public static final String OFFLINE = "offline";

    public DeviceStatus {
        cameras = List.copyOf(cameras);
        cameraStates = cameraStates == null ? null : Map.copyOf(cameraStates);
    }

    /** A status whose cameras' health is not known yet. */
    public DeviceStatus(String state, String softwareVersion, ModelIdentity model, String backend,
            List<String> cameras) {
        this(state, softwareVersion, model, backend, cameras, null);
    }

    /** A status without backend details. */
    public DeviceStatus(String state, String softwareVersion, ModelIdentity model, String backend,
            List<String> cameras, Map<String, CameraHealth> cameraStates) {
        this(state, softwareVersion, model, backend, cameras, cameraStates, null, null, null);
    }

    /** A status without the threshold. */
    public DeviceStatus(String state, String softwareVersion, ModelIdentity model, String backend,
            List<String> cameras, Map<String, CameraHealth> cameraStates, String backendReason, EngineHealth engine,
            UpdateHealth update) {
        this(state, softwareVersion, model, backend, cameras, cameraStates, backendReason, engine, update, null);
    }

    /** A status without an update job. */
    public DeviceStatus(String state, String softwareVersion, ModelIdentity model, String backend,
            List<String> cameras, Map<String, CameraHealth> cameraStates, String backendReason, EngineHealth engine) {
        this(state, softwareVersion, model, backend, cameras, cameraStates, backendReason, engine, null);
    }

    /** The same status in another state. */
    public DeviceStatus withState(String newState) {
        return new DeviceStatus(newState, softwareVersion, model, backend, cameras, cameraStates, backendReason, engine,
                update, threshold);
    }
}
