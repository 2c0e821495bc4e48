package dev.edgevision.camera.ffmpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgevision.camera.Await;
import dev.edgevision.camera.FrameSources;
import dev.edgevision.camera.capture.Backoff;
import dev.edgevision.camera.capture.CaptureSettings;
import dev.edgevision.core.frame.CaptureStatus;
import dev.edgevision.core.frame.Frame;
import dev.edgevision.core.frame.FrameSource;
import dev.edgevision.core.frame.SourceState;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class V4l2SourceTest {
    @Test
    void anAbsentCameraIsRetriedAndTheStatusSaysWhatToCheck() {
        CaptureSettings settings = CaptureSettings.defaults()
                .withBackoff(new Backoff(Duration.ofMillis(50), Duration.ofMillis(200), 2));
        try (FrameSource source = FrameSources.open("v4l2:///dev/video97?width=640&height=480&fps=30&format=mjpeg", settings)) {
            Await.until(Duration.ofSeconds(3), () -> source.status().reopened() == 0
                    && source.status().state() == SourceState.RECONNECTING, source::status);
            String error = source.status().lastError();
            assertTrue(error.contains("/dev/video97") && error.contains("plugged in"), error);
            long start = System.nanoTime();
            assertEquals(CaptureStatus.ERROR, source.grab(new Frame(), Duration.ofMillis(100)));
            assertTrue(System.nanoTime() - start < 500_000_000L, "grab kept to its timeout");
        }
    }

    @Test
    void parametersAreChecked() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FrameSources.open("v4l2:///dev/video0?width=640"))
                .getMessage().contains("give width and height together"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FrameSources.open("v4l2:///dev/video0?format=rgb"))
                .getMessage().contains("format=rgb is not one of gray, h264, mjpeg, nv12, yuyv"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FrameSources.open("v4l2://camera"))
                .getMessage().contains("v4l2:///dev/video0"));
    }
}
