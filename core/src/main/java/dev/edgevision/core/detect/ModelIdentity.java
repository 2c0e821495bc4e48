package dev.edgevision.core.detect;

/**
 * Which model produced a result; carried in every record so results can be traced to a bundle.
 *
 * @param name model name from the manifest
 * @param version model version from the manifest
 * @param sha256 the bundle's identity (SHA-256 of its manifest, which lists the hash of every file)
 */
public record ModelIdentity(String name, String version, String sha256) {
}
