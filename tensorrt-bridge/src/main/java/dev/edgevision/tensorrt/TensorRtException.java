package dev.edgevision.tensorrt;

/**
 * A TensorRT call failed (returned nothing or false). The message names the operation and carries
 * the errors TensorRT logged while it ran, so the user sees TensorRT's own reason.
 */
public class TensorRtException extends RuntimeException {
    public TensorRtException(String message) {
        super(message);
    }

    public TensorRtException(String message, Throwable cause) {
        super(message, cause);
    }
}
