package dev.edgevision.device.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dispatches commands by name to their handlers and answers every one. A request is a JSON object
 * with a string {@code request_id}; anything else (too large, not JSON, not an object, no id, an
 * unknown command, a handler that fails) gets an error response with a code and a message.
 */
public final class CommandRouter {
    /** Largest payload read, in bytes; larger ones are refused unread. */
    public static final int MAX_PAYLOAD = 64 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(CommandRouter.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, CommandHandler> handlers = new ConcurrentHashMap<>();

    /** Registers {@code handler} for {@code name}; a name is handled by one handler. */
    public void register(String name, CommandHandler handler) {
        if (handlers.putIfAbsent(name, handler) != null) {
            throw new IllegalStateException("command '" + name + "' already has a handler");
        }
    }

    /** The commands handled, sorted. */
    public java.util.Set<String> names() {
        return new TreeMap<>(handlers).keySet();
    }

    /** Reads {@code payload} as a request for {@code name}, carries it out and returns the answer; never throws. */
    public CommandResponse dispatch(String name, byte[] payload) {
        if (payload.length > MAX_PAYLOAD) {
            return CommandResponse.failure(null, name, "too_large", "the payload has " + payload.length
                    + " bytes; commands take at most " + MAX_PAYLOAD);
        }
        ObjectNode body;
        try {
            JsonNode node = JSON.readTree(new String(payload, StandardCharsets.UTF_8));
            if (node == null || !node.isObject()) {
                return CommandResponse.failure(null, name, "bad_request",
                        "the payload must be a JSON object such as {\"request_id\": \"1\"}");
            }
            body = (ObjectNode) node;
        } catch (JsonProcessingException e) {
            return CommandResponse.failure(null, name, "bad_json", "the payload is not JSON: "
                    + e.getOriginalMessage());
        }
        JsonNode id = body.get("request_id");
        if (id == null || !id.isTextual() || id.asText().isEmpty() || id.asText().length() > 128) {
            return CommandResponse.failure(null, name, "bad_request",
                    "request_id must be a string of 1 to 128 characters");
        }
        String requestId = id.asText();
        CommandHandler handler = handlers.get(name);
        if (handler == null) {
            return CommandResponse.failure(requestId, name, "unknown_command", "no command '" + name
                    + "'; this device takes " + String.join(", ", names()));
        }
        try {
            return CommandResponse.success(requestId, name, handler.handle(new CommandRequest(name, requestId, body)));
        } catch (CommandException e) {
            return CommandResponse.failure(requestId, name, e.code(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("command {} ({}) failed: {}", name, requestId, e.toString(), e);
            return CommandResponse.failure(requestId, name, "internal_error",
                    "the command failed on the device; its log says why");
        }
    }
}
