package dev.edgevision.device.cli;

import dev.edgevision.camera.FrameSources;
import dev.edgevision.core.frame.FrameSource;
import java.nio.file.Path;

/** Opens an image or video file for {@code detect}: every frame, as fast as they are taken. */
final class FileInputs {
    private FileInputs() {
    }

    static FrameSource open(Path file) {
        return FrameSources.open(file.toAbsolutePath().toUri() + "?fps=0");
    }
}
