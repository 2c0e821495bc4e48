package dev.edgevision.tensorrt.cache;

/** The result of looking an engine up: the engine, or why there is none to use. */
public sealed interface CacheLookup {
    /** A cached engine that matches its key and checksum. */
    record Hit(byte[] plan, EngineHeader header) implements CacheLookup {
    }

    /** No usable engine; {@code reason} says why, for the log (missing, stale with what changed, damaged). */
    record Miss(String reason) implements CacheLookup {
    }
}
