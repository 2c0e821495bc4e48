package dev.edgevision.tensorrt.serve;

import dev.edgevision.core.detect.DetectorException;
import dev.edgevision.core.inference.ModelRunner;

/**
 * A deserialised engine, shared by every pipeline: each pipeline gets its own runner (its own
 * execution context, stream and buffers). Closed after all its runners.
 */
public interface LoadedEngine extends AutoCloseable {
    /** A new runner on this engine, for one pipeline's thread. */
    ModelRunner newRunner() throws DetectorException;

    /** Backend name its runners report, e.g. {@code tensorrt-fp16}. */
    String backend();

    @Override
    void close();
}
