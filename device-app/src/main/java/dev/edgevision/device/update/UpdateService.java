package dev.edgevision.device.update;

import java.util.List;
import java.util.Optional;

/**
 * What job sources (MQTT, hawkBit) talk to: they submit jobs, cancel them and hear their progress.
 * Jobs run one at a time, in the order submitted, on the service's own thread.
 */
public interface UpdateService {
    /**
     * Accepts {@code job} and returns its status at once ({@code QUEUED}, or {@code REJECTED} when
     * the job itself is malformed); a job whose id is already known changes nothing and its
     * current status is returned.
     */
    JobStatus submit(UpdateJob job);

    /** Asks the job to stop; a job that has ended is left as it is. Returns its status, if known. */
    Optional<JobStatus> cancel(String jobId);

    /** The job's status, if the device knows the job. */
    Optional<JobStatus> status(String jobId);

    /** Jobs not yet ended, oldest first. */
    List<JobStatus> active();

    /** Adds a listener of every job's changes. */
    void addListener(JobListener listener);
}
