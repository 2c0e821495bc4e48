package dev.edgevision.core.model;

/**
 * A file inside the bundle, with what it must hash to.
 *
 * @param sha256 lower-case hex SHA-256 of the file's bytes
 * @param size length in bytes
 */
public record FileEntry(String sha256, long size) {
}
