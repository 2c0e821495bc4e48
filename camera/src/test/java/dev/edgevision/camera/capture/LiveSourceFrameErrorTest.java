package dev.edgevision.camera.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgevision.core.frame.CaptureStatus;
import dev.edgevision.core.frame.Frame;
import dev.edgevision.core.frame.SourceState;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A frame that throws OutOfMemoryError or StackOverflowError does not end the capture thread. */
@Tag("bad-input")
class LiveSourceFrameErrorTest {
    @Test
    void theCaptureThreadSurvivesAnErrorInOneFrame() throws Exception {
        FakeCamera fake = new FakeCamera(5);
        CaptureDevice camera = new CaptureDevice() {
            private int reads;

            @Override
            public void open(Warnings warnings) throws IOException {
                fake.open(warnings);
            }

            @Override
            public boolean read(Frame into) throws IOException {
                reads++;
                if (reads == 3) {
                    throw new OutOfMemoryError("Java heap space (thrown by the test)");
                }
                if (reads == 6) {
                    throw new StackOverflowError();
                }
                return fake.read(into);
            }

            @Override
            public void close() {
                fake.close();
            }
        };
        Backoff fast = new Backoff(Duration.ofMillis(10), Duration.ofMillis(50), 2);
        try (LiveSource source = LiveSource.start("fake://errors", camera, Delivery.LATEST, false, fast)) {
            Frame frame = new Frame();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            int frames = 0;
            while (frames < 10 && System.nanoTime() < deadline) {
                if (source.grab(frame, Duration.ofSeconds(2)) == CaptureStatus.OK) {
                    frames++;
                }
            }
            assertEquals(10, frames, "" + source.status());
            assertEquals(SourceState.STREAMING, source.status().state());
            assertTrue(source.status().reopened() >= 2, "" + source.status());
        }
    }
}
