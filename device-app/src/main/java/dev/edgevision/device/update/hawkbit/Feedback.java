package dev.edgevision.device.update.hawkbit;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One DDI feedback message ({@code POST .../deploymentBase/{id}/feedback} or
 * {@code .../cancelAction/{id}/feedback}): {@code status.execution}, {@code status.result.finished},
 * optional {@code status.result.progress} ({@code cnt} of {@code of}) and {@code status.details}.
 *
 * @param execution closed, proceeding, canceled, scheduled, rejected, resumed, download or downloaded
 * @param finished success, failure or none
 * @param details messages a person reads on the server (each cut to {@value #MAX_DETAIL} characters)
 * @param count steps done, or null for no progress
 * @param of steps in all, or null for no progress
 */
record Feedback(String execution, String finished, List<String> details, Integer count, Integer of) {
    /** hawkBit keeps up to 512 characters of each message. */
    static final int MAX_DETAIL = 500;

    Feedback {
        details = details == null ? List.of() : details.stream().limit(10)
                .map(d -> d.length() > MAX_DETAIL ? d.substring(0, MAX_DETAIL - 1) + "…" : d).toList();
    }

    static Feedback proceeding(List<String> details, int count, int of) {
        return new Feedback("proceeding", "none", details, count, of);
    }

    static Feedback closed(boolean success, List<String> details) {
        return new Feedback("closed", success ? "success" : "failure", details, null, null);
    }

    static Feedback rejected(List<String> details) {
        return new Feedback("rejected", "none", details, null, null);
    }

    /** The message body; {@code timestamp} is the device's clock in milliseconds (the server's own when absent). */
    ObjectNode json() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("timestamp", System.currentTimeMillis());
        ObjectNode status = root.putObject("status");
        status.put("execution", execution);
        ObjectNode result = status.putObject("result");
        result.put("finished", finished);
        if (count != null && of != null) {
            ObjectNode progress = result.putObject("progress");
            progress.put("cnt", count);
            progress.put("of", of);
        }
        details.forEach(status.putArray("details")::add);
        return root;
    }
}
