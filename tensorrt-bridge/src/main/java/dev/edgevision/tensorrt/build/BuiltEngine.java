package dev.edgevision.tensorrt.build;

/**
 * A serialised engine and the builder that made it.
 *
 * @param plan the serialised engine
 * @param builder the builder's name ({@code in-process}, {@code trtexec})
 */
public record BuiltEngine(byte[] plan, String builder) {
}
