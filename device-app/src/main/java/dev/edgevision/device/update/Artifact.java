package dev.edgevision.device.update;

import java.net.URI;
import java.util.Map;

/**
 * Where a job's bundle is fetched from and what it must be.
 *
 * @param url {@code http(s)://...}, or {@code mqtt-chunks:NAME} for a bundle sent in chunks over the broker
 * @param sha256 the bundle file's hash, lower-case hex
 * @param size the bundle file's size in bytes
 * @param headers request headers the server needs (a hawkBit target token): secrets, never logged
 */
public record Artifact(URI url, String sha256, long size, Map<String, String> headers) {
    public Artifact {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    /** The URL without credentials or query, for logs and status. */
    public String shownUrl() {
        String scheme = url.getScheme() == null ? "" : url.getScheme() + "://";
        String host = url.getHost() == null ? "" : url.getHost() + (url.getPort() > 0 ? ":" + url.getPort() : "");
        return scheme + host + (url.getRawPath() == null ? "" : url.getRawPath());
    }

    @Override
    public String toString() {
        return "Artifact[" + shownUrl() + ", sha256 " + sha256 + ", " + size + " bytes]";
    }
}
