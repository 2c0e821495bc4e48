package dev.edgevision.core.frame;

import java.time.Duration;

/**
 * A camera, stream, file or generator of frames. Implementations capture on their own thread and
 * keep only the newest frame, so latency never grows with a slow consumer; sources that fail are
 * reopened with back-off while {@link #status()} says so.
 */
public interface FrameSource extends AutoCloseable {
    /** The URI the source was opened with. */
    String uri();

    /**
     * Waits up to {@code timeout} for a frame newer than the last one this method returned and
     * copies it into {@code into}.
     */
    CaptureStatus grab(Frame into, Duration timeout);

    /** Current health, for logs and the MQTT status. */
    SourceStatus status();

    /** Stops capture and frees the device; idempotent. */
    @Override
    void close();
}
