package dev.edgevision.tensorrt.cache;

import java.util.Map;

/**
 * What a cache file says about the engine it holds, before the engine's bytes.
 *
 * @param key the canonical key fields it was built for
 * @param payloadSha256 sha256 of the serialised engine
 * @param payloadBytes length of the serialised engine
 * @param builder which builder made it ({@code in-process}, {@code trtexec})
 * @param buildSeconds how long the build took
 * @param created ISO-8601 instant it was written
 */
public record EngineHeader(Map<String, String> key, String payloadSha256, long payloadBytes, String builder,
        double buildSeconds, String created) {
    public EngineHeader {
        key = Map.copyOf(key);
    }
}
