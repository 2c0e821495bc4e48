package dev.edgevision.core.frame;

/**
 * A snapshot of a source's health.
 *
 * @param uri the source's URI
 * @param state where it is in its life cycle
 * @param captured frames the device delivered
 * @param dropped frames overwritten before a consumer took them (latest-frame semantics)
 * @param reopened times the source was reopened after losing its device or stream
 * @param lastError the most recent failure, or {@code null}
 */
public record SourceStatus(String uri, SourceState state, long captured, long dropped, long reopened,
        String lastError) {
}
