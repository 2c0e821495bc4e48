package dev.edgevision.camera.capture;

import dev.edgevision.core.frame.Frame;
import java.io.IOException;

/**
 * The device side of a {@link LiveSource}: a camera, stream, file or generator that opens, delivers
 * frames one at a time and closes. {@link LiveSource} owns the thread, the buffers, the back-off and
 * the status; a device only talks to its hardware or library. Every method except {@link #abort()}
 * is called on the source's capture thread.
 */
public interface CaptureDevice {
    /**
     * Opens or reopens the device. Throws {@link SourceFailedException} when trying again cannot help
     * (no such file, no decoder for the codec), any other {@link IOException} when it may (camera
     * unplugged, server down): the source then retries with back-off.
     */
    void open(Warnings warnings) throws IOException;

    /**
     * Fills {@code into} (through {@link Frame#reshape}) with the next image; returns false at the end
     * of a finite stream. A live device must return or throw within its stall timeout, never hang.
     */
    boolean read(Frame into) throws IOException;

    /** Called from the closing thread: makes a blocked {@link #open} or {@link #read} return soon. */
    default void abort() {
    }

    /** Frees the device. Called after every open, also a failed one, and more than once; idempotent. */
    void close();

    /** Receives problems that do not stop a device, such as an unreadable file it skipped. */
    @FunctionalInterface
    interface Warnings {
        void warn(String message);
    }
}
