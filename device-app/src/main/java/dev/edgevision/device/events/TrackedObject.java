package dev.edgevision.device.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.edgevision.core.detect.BoundingBox;

/**
 * A tracked object as events carry it.
 *
 * @param id unique per camera and start of the service: {@code <firstSeenMillis>-<n>}
 * @param label the class
 * @param score the latest detection's score
 * @param topScore the best score so far
 * @param box the latest box, in frame pixels
 * @param firstSeen capture time of the first detection, ISO-8601
 * @param lastSeen capture time of the latest detection, ISO-8601
 * @param stationary whether it has stood still long enough
 * @param snapshot the frame with the top score: {@code frame <sequence>}, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrackedObject(String id, String label, double score, double topScore, BoundingBox box,
        String firstSeen, String lastSeen, boolean stationary, String snapshot) {
}
