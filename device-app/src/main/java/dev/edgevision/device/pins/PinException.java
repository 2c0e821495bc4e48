package dev.edgevision.device.pins;

/** A pin could not be requested, driven or read; the message names the pin and what to do. */
public final class PinException extends Exception {
    private static final long serialVersionUID = 1L;

    public PinException(String message) {
        super(message);
    }

    public PinException(String message, Throwable cause) {
        super(message, cause);
    }
}
