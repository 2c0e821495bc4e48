package dev.edgevision.camera.ffmpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.edgevision.camera.Await;
import dev.edgevision.camera.FrameSources;
import dev.edgevision.camera.capture.Backoff;
import dev.edgevision.camera.capture.CaptureSettings;
import dev.edgevision.core.frame.CaptureStatus;
import dev.edgevision.core.frame.Frame;
import dev.edgevision.core.frame.FrameSource;
import dev.edgevision.core.frame.SourceState;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RtspSourceTest {
    private static final Duration WAIT = Duration.ofSeconds(8);
    private static final CaptureSettings QUICK = new CaptureSettings(
            new Backoff(Duration.ofMillis(100), Duration.ofMillis(400), 2), Duration.ofSeconds(1), Duration.ofSeconds(5));
    private static String missing;

    @TempDir
    Path folder;

    @BeforeAll
    static void checkServer() {
        missing = RtspTestServer.missing();
    }

    private static void assumeServer() {
        assumeTrue(missing == null, () -> "no RTSP test server here (" + missing + "); apt-get install "
                + RtspTestServer.PACKAGES + " to run this test");
    }

    @Test
    void aLoopbackStreamIsNewestFirstAndReconnectsAfterTheServerIsCut() throws Exception {
        assumeServer();
        try (RtspTestServer server = RtspTestServer.start(folder);
                FrameSource source = FrameSources.open(server.url() + "?transport=tcp", QUICK)) {
            Frame frame = new Frame();
            assertEquals(CaptureStatus.OK, source.grab(frame, WAIT), () -> "first frame: " + source.status());
            assertEquals(320, frame.width());
            assertEquals(240, frame.height());

            long previous = frame.sequence();
            for (int i = 0; i < 4; i++) {
                Thread.sleep(200);
                assertEquals(CaptureStatus.OK, source.grab(frame, WAIT));
                long ageMillis = (System.nanoTime() - frame.captureNanos()) / 1_000_000;
                assertTrue(ageMillis < 100, "the newest frame, not one queued " + ageMillis + " ms ago");
                assertTrue(frame.sequence() > previous + 1, "frames dropped while the consumer was away");
                previous = frame.sequence();
            }
            assertTrue(source.status().dropped() >= 8, source.status().toString());

            server.stop();
            Await.until(Duration.ofSeconds(5), () -> source.status().state() == SourceState.RECONNECTING, source::status);
            assertTrue(source.status().lastError() != null, source.status().toString());
            if (source.grab(frame, Duration.ofMillis(200)) == CaptureStatus.OK) {
                previous = frame.sequence();
            }
            assertEquals(CaptureStatus.ERROR, source.grab(frame, Duration.ofMillis(200)),
                    "once a frame captured before the cut is taken, the owner hears of the outage");

            server.restart();
            assertEquals(CaptureStatus.OK, grabWithin(source, frame, WAIT), () -> "after the restart: " + source.status());
            assertTrue(frame.sequence() > previous, "sequence numbers go on across the reconnect");
            assertEquals(SourceState.STREAMING, source.status().state());
            assertTrue(source.status().reopened() >= 1, source.status().toString());
        }
    }

    @Test
    void udpTransportWorksToo() throws Exception {
        assumeServer();
        try (RtspTestServer server = RtspTestServer.start(folder);
                FrameSource source = FrameSources.open(server.url() + "?transport=udp", QUICK)) {
            Frame frame = new Frame();
            assertEquals(CaptureStatus.OK, grabWithin(source, frame, WAIT), () -> "over UDP: " + source.status());
            assertEquals(320, frame.width());
        }
    }

    /** Grabs until a frame comes or {@code limit} passes, as an owner's loop does through an outage. */
    private static CaptureStatus grabWithin(FrameSource source, Frame frame, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        CaptureStatus status;
        do {
            status = source.grab(frame, Duration.ofMillis(500));
        } while (status != CaptureStatus.OK && System.nanoTime() < deadline);
        return status;
    }
}
