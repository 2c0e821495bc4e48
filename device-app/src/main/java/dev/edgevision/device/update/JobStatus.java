package dev.edgevision.device.update;

import dev.edgevision.core.detect.ModelIdentity;

/**
 * A job's progress as reported to its source and in the device status.
 *
 * @param jobId the job
 * @param source who sent it
 * @param state where it stands
 * @param step the step in progress (while {@code IN_PROGRESS}), or the step it ended in
 * @param done bytes downloaded, or seconds of probation passed, so far
 * @param total bytes to download, or seconds of probation, when known (0 otherwise)
 * @param errorCode why it failed, was rejected or canceled (snake_case), else null
 * @param message a sentence a person reads: what happened and what to do
 * @param model the model the job installs, once its bundle has been read, else null
 * @param resumed whether the device restarted while the job was under way and carried on
 */
public record JobStatus(String jobId, String source, JobState state, JobStep step, long done, long total,
        String errorCode, String message, ModelIdentity model, boolean resumed) {
}
