package dev.edgevision.device.command;

/** Carries out one kind of command. */
@FunctionalInterface
public interface CommandHandler {
    /**
     * Carries out {@code request} and returns its result (a record, map or list written as JSON,
     * or null for none); runs on the command thread, never on a camera's.
     *
     * @throws CommandException when the request cannot be carried out; the response says why
     */
    Object handle(CommandRequest request) throws CommandException;
}
