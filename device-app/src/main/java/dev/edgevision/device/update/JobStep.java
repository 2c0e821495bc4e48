package dev.edgevision.device.update;

/** The parts of a job in progress, in order. */
public enum JobStep {
    /** The bundle is fetched into staging (progress: bytes done of total). */
    DOWNLOADING,
    /** Size, hash, signature, key, sequence and compatibility are checked. */
    VERIFYING,
    /** The backend is prepared: a TensorRT engine built, or an ONNX Runtime session opened. */
    PREPARING,
    /** The bundle's reference inputs give its reference outputs, within the latency budget. */
    VALIDATING,
    /** The pipelines move to the new model at their next frame. */
    ACTIVATING,
    /** The new model serves and is watched; a failure rolls back. */
    PROBATION;

    /** The name on the wire: lower case. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
