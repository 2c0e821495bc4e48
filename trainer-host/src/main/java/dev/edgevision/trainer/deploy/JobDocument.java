package dev.edgevision.trainer.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The job document a device takes on {@code .../jobs/{id}} (README, "MQTT"): {@code job_id},
 * {@code operation} {@code update_model}, {@code artifact} {url, sha256, size},
 * {@code allow_downgrade}, and {@code probation_s} when the deploy sets one.
 */
final class JobDocument {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JobDocument() {
    }

    static byte[] of(RolloutPlan plan) {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("job_id", plan.jobId());
        doc.put("operation", "update_model");
        ObjectNode artifact = doc.putObject("artifact");
        artifact.put("url", plan.url());
        artifact.put("sha256", plan.bundle().sha256());
        artifact.put("size", plan.bundle().size());
        doc.put("allow_downgrade", plan.allowDowngrade());
        if (plan.probationSeconds() != null) {
            doc.put("probation_s", plan.probationSeconds());
        }
        try {
            return JSON.writeValueAsBytes(doc);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a job document could not be written", e);
        }
    }
}
