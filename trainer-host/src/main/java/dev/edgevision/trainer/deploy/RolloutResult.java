package dev.edgevision.trainer.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * How a deploy ended: every device's last progress and the time from the jobs' publication to the
 * end.
 *
 * @param jobId the job id
 * @param devices each device's progress, in the order given
 * @param seconds from publishing the jobs to the last device's end (or the timeout)
 */
public record RolloutResult(String jobId, List<DeviceProgress> devices, double seconds) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Whether every device succeeded. */
    public boolean succeeded() {
        return devices.stream().allMatch(DeviceProgress::succeeded);
    }

    /** The devices that did not succeed. */
    public List<DeviceProgress> failures() {
        return devices.stream().filter(d -> !d.succeeded()).toList();
    }

    /** One JSON object: job id, counts, seconds, and per device its state, step, error and time. */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("job_id", jobId);
        root.put("devices", devices.size());
        root.put("succeeded", devices.stream().filter(DeviceProgress::succeeded).count());
        root.put("not_succeeded", failures().size());
        root.put("seconds", Math.round(seconds * 1000) / 1000.0);
        ObjectNode each = root.putObject("results");
        for (DeviceProgress d : devices) {
            ObjectNode node = each.putObject(d.device());
            node.put("state", d.state() == null ? "no_answer" : d.state());
            node.put("step", d.step());
            if (d.errorCode() != null) {
                node.put("error_code", d.errorCode());
            }
            if (d.message() != null && !d.succeeded()) {
                node.put("message", d.message());
            }
            node.put("model", d.model());
            node.put("resumed", d.resumed());
            node.put("seconds", Math.round(d.seconds() * 10) / 10.0);
        }
        return root.toString();
    }
}
