package dev.edgevision.camera.ffmpeg;

import java.time.Duration;
import org.bytedeco.ffmpeg.avformat.AVIOInterruptCB;
import org.bytedeco.javacpp.Pointer;

/**
 * FFmpeg's interrupt callback: makes any blocking FFmpeg call give up when its deadline passes (a
 * stalled stream) or when the source closes, so no FFmpeg call can hang the capture thread.
 */
final class Interrupter {
    private volatile long deadline = Long.MAX_VALUE;
    private volatile boolean aborted;
    private volatile boolean expired;
    private final AVIOInterruptCB.Callback_Pointer callback = new AVIOInterruptCB.Callback_Pointer() {
        @Override
        public int call(Pointer opaque) {
            if (aborted) {
                return 1;
            }
            if (System.nanoTime() - deadline > 0) {
                expired = true;
                return 1;
            }
            return 0;
        }
    };

    AVIOInterruptCB.Callback_Pointer callback() {
        return callback;
    }

    /** Allows the next FFmpeg call {@code limit} to complete. */
    void arm(Duration limit) {
        expired = false;
        deadline = System.nanoTime() + limit.toNanos();
    }

    void abort() {
        aborted = true;
    }

    /** Whether the last interruption was the deadline (not a close). */
    boolean expired() {
        return expired && !aborted;
    }

    boolean aborted() {
        return aborted;
    }
}
