package dev.edgevision.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a device needs to run a bundle, beyond reading its manifest format. The device compares
 * these with what it has before installing the bundle.
 *
 * @param minAppVersion the oldest device software that runs the bundle (dotted numbers, e.g. {@code 0.4});
 *     null for any
 * @param tensorrtMajor the TensorRT major version of an engine the bundle carries; null when no engine travels
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Requirements(String minAppVersion, Integer tensorrtMajor) {
}
