package dev.edgevision.device.command;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The answer to one command.
 *
 * @param requestId the request's id, or null when the request carried none (or could not be read)
 * @param command the command's name
 * @param ok whether it was carried out
 * @param result what it returned, when ok
 * @param error why not, when not ok
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CommandResponse(String requestId, String command, boolean ok, Object result, Error error) {
    /** An error's code (for programs) and message (for people). */
    public record Error(String code, String message) {
    }

    static CommandResponse success(String requestId, String command, Object result) {
        return new CommandResponse(requestId, command, true, result, null);
    }

    static CommandResponse failure(String requestId, String command, String code, String message) {
        return new CommandResponse(requestId, command, false, null, new Error(code, message));
    }
}
