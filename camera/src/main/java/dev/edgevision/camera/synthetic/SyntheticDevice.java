package dev.edgevision.camera.synthetic;

import dev.edgevision.camera.capture.CaptureDevice;
import dev.edgevision.camera.capture.Pacer;
import dev.edgevision.core.frame.Frame;
import java.io.IOException;

/** Renders scene 1, 2, 3, ... of a {@link SyntheticScene}, so scene index and frame sequence agree. */
final class SyntheticDevice implements CaptureDevice {
    private final SyntheticScene scene;
    private final Pacer pacer;
    private final long frames;
    private long next = 1;

    SyntheticDevice(SyntheticScene scene, Pacer pacer, long frames) {
        this.scene = scene;
        this.pacer = pacer;
        this.frames = frames;
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
        pacer.awaitNextFrame();
        scene.render(next++, into);
        return true;
    }

    @Override
    public void close() {
    }
}
