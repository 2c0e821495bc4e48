package dev.edgevision.trainer.quantize;

/** A graph or calibration the quantiser cannot work with; the message names what and why. */
public final class QuantizationException extends Exception {
    public QuantizationException(String message) {
        super(message);
    }

    public QuantizationException(String message, Throwable cause) {
        super(message, cause);
    }
}
