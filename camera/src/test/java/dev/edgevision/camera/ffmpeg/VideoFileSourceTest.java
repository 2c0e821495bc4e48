package dev.edgevision.camera.ffmpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgevision.camera.Await;
import dev.edgevision.camera.FrameSources;
import dev.edgevision.core.frame.CaptureStatus;
import dev.edgevision.core.frame.Frame;
import dev.edgevision.core.frame.FrameSource;
import dev.edgevision.core.frame.PixelFormat;
import dev.edgevision.core.frame.SourceState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VideoFileSourceTest {
    private static final int FRAMES = 24;
    private static final Duration WAIT = Duration.ofSeconds(5);

    @TempDir
    static Path folder;
    static Path clip;

    @BeforeAll
    static void writeClip() throws Exception {
        clip = folder.resolve("clip.mp4");
        TestVideo.write(clip, 160, 120, 30, FRAMES);
    }

    @Test
    void everyFrameComesBackInOrderWithItsSizeThenTheEnd() {
        try (FrameSource source = FrameSources.open("file://" + clip)) {
            Frame frame = new Frame();
            for (int i = 0; i < FRAMES; i++) {
                assertEquals(CaptureStatus.OK, source.grab(frame, WAIT), "frame " + i);
                assertEquals(i + 1, frame.sequence());
                assertEquals(160, frame.width());
                assertEquals(120, frame.height());
                assertEquals(PixelFormat.BGR24, frame.format());
                int grey = frame.data()[(60 * 160 + 80) * 3 + 1] & 0xFF;
                assertTrue(Math.abs(grey - TestVideo.grey(i)) <= 6, "frame " + i + " is grey " + grey
                        + ", expected about " + TestVideo.grey(i));
            }
            assertEquals(CaptureStatus.END_OF_STREAM, source.grab(frame, WAIT));
            assertEquals(SourceState.ENDED, source.status().state());
            assertEquals(FRAMES, source.status().captured());
            assertEquals(0, source.status().dropped());
        }
    }

    @Test
    void nativePacingPlaysInRealTime() {
        try (FrameSource source = FrameSources.open("file://" + clip + "?fps=native")) {
            Frame frame = new Frame();
            long start = System.nanoTime();
            CaptureStatus status;
            while ((status = source.grab(frame, WAIT)) == CaptureStatus.OK) {
                assertEquals(160, frame.width());
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(CaptureStatus.END_OF_STREAM, status);
            assertTrue(millis >= 650, "24 frames at 30 fps take about 0.8 s, not " + millis + " ms");
        }
    }

    @Test
    void aMissingOrDamagedFileFailsNamingIt() throws Exception {
        try (FrameSource source = FrameSources.open("file://" + folder.resolve("missing.mp4"))) {
            assertEquals(CaptureStatus.ERROR, source.grab(new Frame(), WAIT));
            assertEquals(SourceState.FAILED, source.status().state());
            assertTrue(source.status().lastError().startsWith("no such file: ")
                    && source.status().lastError().contains("missing.mp4"), source.status().lastError());
        }
        Path junk = Files.write(folder.resolve("junk.mkv"), new byte[4096]);
        try (FrameSource source = FrameSources.open("file://" + junk)) {
            Await.until(WAIT, () -> source.status().state() == SourceState.FAILED, source::status);
            assertTrue(source.status().lastError().contains("junk.mkv"), source.status().lastError());
        }
    }
}
