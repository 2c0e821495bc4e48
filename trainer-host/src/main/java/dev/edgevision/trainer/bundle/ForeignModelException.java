package dev.edgevision.trainer.bundle;

/**
 * A foreign model, its labels or the options given for it cannot make a bundle; the message names
 * the file (and line or output) and says what to do.
 */
public class ForeignModelException extends Exception {
    public ForeignModelException(String message) {
        super(message);
    }

    public ForeignModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
