package dev.edgevision.camera.capture;

import java.io.IOException;

/**
 * A source that cannot work and would not work on a retry either: a file that does not exist, a
 * video without a video stream, a pipeline that does not parse. The source goes to
 * {@link dev.edgevision.core.frame.SourceState#FAILED} instead of reconnecting.
 */
public class SourceFailedException extends IOException {
    public SourceFailedException(String message) {
        super(message);
    }

    public SourceFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
