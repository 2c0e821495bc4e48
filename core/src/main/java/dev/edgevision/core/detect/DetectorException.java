package dev.edgevision.core.detect;

/** A detector could not be created or failed on a frame; the message says which model and why. */
public class DetectorException extends Exception {
    public DetectorException(String message) {
        super(message);
    }

    public DetectorException(String message, Throwable cause) {
        super(message, cause);
    }
}
