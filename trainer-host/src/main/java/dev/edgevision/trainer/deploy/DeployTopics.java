package dev.edgevision.trainer.deploy;

import dev.edgevision.core.detect.TopicLevels;

/**
 * The job topics of the device's MQTT contract (README, "MQTT"), as the workstation sees them:
 * {@code {prefix}/{device}/jobs/{job}} and below, {@code {prefix}/{device}/status}, and the
 * wildcard filters that follow one job on many devices at once. Device and job ids are single
 * topic levels; a name that is not one is refused with the option it came from.
 */
public final class DeployTopics {
    private final String prefix;
    private final int prefixLevels;

    /**
     * Topics under {@code prefix} ({@code vision} by default; it may have several levels).
     *
     * @throws IllegalArgumentException naming the bad prefix
     */
    public DeployTopics(String prefix) {
        String problem = TopicLevels.prefixProblem(prefix);
        if (problem != null) {
            throw new IllegalArgumentException("--prefix: " + problem + " (it must match the devices' mqtt.prefix)");
        }
        this.prefix = prefix;
        this.prefixLevels = prefix.split("/", -1).length;
    }

    /** Why {@code level} cannot be one topic level (a device or job id), or null if it can. */
    public static String levelProblem(String level) {
        return TopicLevels.problem(level);
    }

    public String prefix() {
        return prefix;
    }

    /** The job document, retained by the sender until the job ends. */
    public String job(String device, String jobId) {
        return prefix + "/" + device + "/jobs/" + jobId;
    }

    /** Where a job is canceled. */
    public String cancel(String device, String jobId) {
        return job(device, jobId) + "/cancel";
    }

    /** The device's retained status of the job. */
    public String jobStatus(String device, String jobId) {
        return job(device, jobId) + "/status";
    }

    /** One chunk of an {@code mqtt-chunks:} artifact, starting at byte {@code offset}. */
    public String chunk(String device, String jobId, long offset) {
        return job(device, jobId) + "/chunks/" + offset;
    }

    /** The device's retained status (online, offline with a reason). */
    public String deviceStatus(String device) {
        return prefix + "/" + device + "/status";
    }

    /** Every device's status of job {@code jobId}. */
    public String jobStatusFilter(String jobId) {
        return prefix + "/+/jobs/" + jobId + "/status";
    }

    /** Every device's request for chunks of job {@code jobId}. */
    public String chunkWantFilter(String jobId) {
        return prefix + "/+/jobs/" + jobId + "/chunks/want";
    }

    /** Every device's retained status. */
    public String deviceStatusFilter() {
        return prefix + "/+/status";
    }

    /** The device level of a topic under the prefix, or null if the topic is not under it. */
    public String deviceOf(String topic) {
        if (!topic.startsWith(prefix + "/")) {
            return null;
        }
        String[] levels = topic.split("/", -1);
        return levels.length > prefixLevels ? levels[prefixLevels] : null;
    }

    /** The levels after {@code {prefix}/{device}/}, e.g. {@code jobs/j1/status}, or null. */
    public String rest(String topic) {
        String device = deviceOf(topic);
        if (device == null) {
            return null;
        }
        int start = prefix.length() + 1 + device.length() + 1;
        return topic.length() > start ? topic.substring(start) : null;
    }
}
