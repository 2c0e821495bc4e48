package dev.edgevision.device.status;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How one camera is doing, as the status topic reports it.
 *
 * @param uri the source URI (passwords masked by the camera module)
 * @param state {@code opening}, {@code streaming}, {@code reconnecting}, {@code ended}, {@code failed}
 * @param lastError the most recent failure, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CameraHealth(String uri, String state, String lastError) {
}
