package dev.edgevision.device.update;

/** A job step that cannot go on, with the code its status carries. */
public final class UpdateException extends Exception {
    private final String code;
    private final boolean rejection;

    private UpdateException(String code, String message, boolean rejection, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.rejection = rejection;
    }

    /** The step failed (download, preparation, validation, activation, probation): the job FAILS. */
    public static UpdateException failed(String code, String message) {
        return new UpdateException(code, message, false, null);
    }

    /** As {@link #failed(String, String)}, with the fault that caused it. */
    public static UpdateException failed(String code, String message, Throwable cause) {
        return new UpdateException(code, message, false, cause);
    }

    /** The bundle or job is refused (signature, key, sequence, compatibility, hashes): the job is REJECTED. */
    public static UpdateException rejected(String code, String message) {
        return new UpdateException(code, message, true, null);
    }

    public String code() {
        return code;
    }

    /** Whether the job is refused rather than failed. */
    public boolean rejection() {
        return rejection;
    }
}
