package dev.edgevision.device.update.hawkbit;

/** A DDI request the server refused or did not answer, with the HTTP status (0: no answer). */
public final class DdiException extends Exception {
    private final int status;

    DdiException(int status, String message) {
        super(message);
        this.status = status;
    }

    DdiException(String message, Throwable cause) {
        super(message, cause);
        this.status = 0;
    }

    /** The HTTP status the server answered, or 0 when it did not answer. */
    public int status() {
        return status;
    }

    /** Whether the server says the action is closed or unknown (410 Gone, 404). */
    public boolean gone() {
        return status == 410 || status == 404;
    }
}
