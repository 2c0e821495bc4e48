package dev.edgevision.device.pipeline;

/**
 * The backend chosen at start-up and why, for the start-up log line and the MQTT status.
 *
 * @param backend the backend that runs: {@code tensorrt} or {@code onnxruntime}
 * @param reason why it was chosen, e.g. "no NVIDIA GPU on this machine"
 */
public record BackendSelection(BackendChoice backend, String reason) {
}
