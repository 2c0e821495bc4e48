package dev.edgevision.camera.synthetic;

import dev.edgevision.camera.capture.CaptureDevice;
import dev.edgevision.camera.capture.Pacer;
import dev.edgevision.core.frame.Frame;
import java.io.IOException;

/**
 * Renders scene 1, 2, 3, ... of a {@link SyntheticScene}, so scene index and frame sequence agree;
 * with {@code stallAfter} above 0, blocks in {@link #read} after that many frames until interrupted.
 */
final class SyntheticDevice implements CaptureDevice {
    private final SyntheticScene scene;
    private final Pacer pacer;
    private final long frames;
    private final long stallAfter;
    private long next = 1;

    SyntheticDevice(SyntheticScene scene, Pacer pacer, long frames) {
        this(scene, pacer, frames, 0);
    }

    SyntheticDevice(SyntheticScene scene, Pacer pacer, long frames, long stallAfter) {
        this.scene = scene;
        this.pacer = pacer;
        this.frames = frames;
        this.stallAfter = stallAfter;
    }

    @Override
    public void open(Warnings warnings) {
        pacer.restart();
    }

    @Override
    public boolean read(Frame into) throws IOException {
        if (frames > 0 && next > frames) {
            return false;
        }
        if (stallAfter > 0 && next > stallAfter) {
            wedge();
        }
        pacer.awaitNextFrame();
        scene.render(next++, into);
        return true;
    }

    /** Blocks like a driver that stopped answering, until the capture thread is interrupted (close). */
    private static void wedge() throws IOException {
        try {
            Thread.sleep(Long.MAX_VALUE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while wedged", e);
        }
    }

    @Override
    public void close() {
    }
}
