package dev.edgevision.device.update;

import java.time.Duration;

/**
 * One request to move the device to another model.
 *
 * @param id the job's id, unique per device; a job submitted again with the same id changes nothing
 * @param source who sent it, e.g. {@code mqtt} or {@code hawkbit}
 * @param artifact the bundle to fetch
 * @param allowDowngrade whether a bundle whose sequence is lower than the one serving may be installed
 * @param probation how long the new model is watched before the job succeeds (null: the device's default)
 */
public record UpdateJob(String id, String source, Artifact artifact, boolean allowDowngrade, Duration probation) {
}
