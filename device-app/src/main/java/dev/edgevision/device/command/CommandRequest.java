package dev.edgevision.device.command;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One command as the handler sees it, once its payload has been read.
 *
 * @param name the command, e.g. {@code status} or {@code update}
 * @param requestId the caller's id, echoed in the response
 * @param body the whole JSON object sent (read-only by convention)
 */
public record CommandRequest(String name, String requestId, ObjectNode body) {
}
