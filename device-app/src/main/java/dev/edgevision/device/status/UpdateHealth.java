package dev.edgevision.device.status;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The latest model update job, as the status topic reports it.
 *
 * @param jobId the job
 * @param state {@code queued}, {@code in_progress}, {@code succeeded}, {@code failed}, {@code rejected}, {@code canceled}
 * @param step the step it is in or ended in, or null
 * @param errorCode why it failed or was refused, or null
 * @param message what happened, for a person
 * @param version the version of the model the job installs, once its bundle has been read, else null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UpdateHealth(String jobId, String state, String step, String errorCode, String message,
        String version) {
    /** A job whose model is not known yet. */
    public UpdateHealth(String jobId, String state, String step, String errorCode, String message) {
        this(jobId, state, step, errorCode, message, null);
    }
}
