package dev.edgevision.device.update;

/** Where a job stands, as AWS IoT Jobs and hawkBit users know it. */
public enum JobState {
    /** Accepted, waiting for the job before it to finish. */
    QUEUED,
    /** Being carried out; the step says which part. */
    IN_PROGRESS,
    /** The new model serves and passed its probation. */
    SUCCEEDED,
    /** A step failed; the device serves the model it served before. */
    FAILED,
    /** Refused before anything changed: signature, key, sequence, compatibility, a bad job. */
    REJECTED,
    /** Stopped on request; the device serves the model it served before. */
    CANCELED;

    /** Whether the job has ended. */
    public boolean terminal() {
        return this != QUEUED && this != IN_PROGRESS;
    }

    /** The name on the wire: lower case. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
