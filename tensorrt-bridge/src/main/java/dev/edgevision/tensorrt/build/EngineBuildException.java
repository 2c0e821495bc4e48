package dev.edgevision.tensorrt.build;

/**
 * An engine could not be built. {@link #kind()} says what kind of failure it was, which decides
 * whether another builder is worth trying; the message says what failed and what to do.
 */
public class EngineBuildException extends Exception {
    /** What kind of failure. */
    public enum Kind {
        /** The TensorRT or CUDA libraries could not be loaded or linked in this process. */
        NATIVE_LIBRARY,
        /** The ONNX parser refused the model (every error is in the message, with its node). */
        PARSE,
        /** The builder ran and failed (out of memory, no kernel for a layer, CUDA error). */
        BUILD,
        /** The build tool is not installed. */
        TOOL_MISSING,
        /** This builder cannot build what was asked for (INT8 without a calibration cache in trtexec). */
        UNSUPPORTED,
        /** The build was stopped (time limit or shutdown). */
        CANCELLED
    }

    private final Kind kind;

    public EngineBuildException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public EngineBuildException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
