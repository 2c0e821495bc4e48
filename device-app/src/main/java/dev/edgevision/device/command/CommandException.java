package dev.edgevision.device.command;

/** A command that cannot be carried out, with the error code its response carries. */
public final class CommandException extends Exception {
    private final String code;

    /**
     * @param code short snake_case code, e.g. {@code bad_request}, {@code busy}, {@code not_found}
     * @param message what went wrong and what to send instead
     */
    public CommandException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
