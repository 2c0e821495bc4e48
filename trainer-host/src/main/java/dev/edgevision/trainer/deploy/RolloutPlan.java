package dev.edgevision.trainer.deploy;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * What one deploy does: which devices get which bundle under which job id, how they fetch it, and
 * how long the workstation waits for them.
 *
 * @param devices device ids, each one topic level, no repeats
 * @param jobId the job id, one topic level, new to every device
 * @param bundle the bundle sent
 * @param artifactUrl where devices fetch it over HTTP(S), or null to send it in chunks over the broker
 * @param timeout how long to wait for every device to end the job
 * @param probationSeconds the job's {@code probation_s}, or null for each device's own setting
 * @param allowDowngrade the job's {@code allow_downgrade}
 */
public record RolloutPlan(List<String> devices, String jobId, DeployBundle bundle, URI artifactUrl, Duration timeout,
        Integer probationSeconds, boolean allowDowngrade) {
    /** Whether the bundle travels in chunks over the broker. */
    public boolean chunks() {
        return artifactUrl == null;
    }

    /** The job's {@code artifact.url}. */
    public String url() {
        return chunks() ? ChunkSender.url(bundle) : artifactUrl.toString();
    }
}
