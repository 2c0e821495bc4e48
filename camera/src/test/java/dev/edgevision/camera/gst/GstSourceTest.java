package dev.edgevision.camera.gst;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.edgevision.camera.Await;
import dev.edgevision.camera.FrameSources;
import dev.edgevision.camera.capture.SourceUri;
import dev.edgevision.core.frame.CaptureStatus;
import dev.edgevision.core.frame.Frame;
import dev.edgevision.core.frame.FrameSource;
import dev.edgevision.core.frame.PixelFormat;
import dev.edgevision.core.frame.SourceState;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class GstSourceTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    private static void assumeGstreamer() {
        assumeTrue(GstRuntime.available(), () -> "GStreamer is not installed (" + GstRuntime.problem()
                + "); apt-get install gstreamer1.0-tools " + GstRuntime.PACKAGES + " to run this test");
    }

    @Test
    void aVideotestsrcPipelineDeliversWholeRowsThenEnds() {
        assumeGstreamer();
        String uri = "gst://videotestsrc is-live=true num-buffers=15 ! video/x-raw,width=161,height=120,framerate=30/1"
                + " ! videoconvert ! appsink";
        try (FrameSource source = FrameSources.open(uri)) {
            Frame frame = new Frame();
            int frames = 0;
            long lastSequence = 0;
            CaptureStatus status;
            while ((status = source.grab(frame, WAIT)) == CaptureStatus.OK) {
                frames++;
                lastSequence = frame.sequence();
                assertEquals(161, frame.width(), "an odd width, so GStreamer pads every row");
                assertEquals(120, frame.height());
                assertEquals(PixelFormat.BGR24, frame.format());
                byte[] top = Arrays.copyOfRange(frame.data(), 0, 161 * 3);
                byte[] middle = Arrays.copyOfRange(frame.data(), 60 * 161 * 3, 61 * 161 * 3);
                assertArrayEquals(top, middle, "colour bars are the same in every row of the upper part");
            }
            assertEquals(CaptureStatus.END_OF_STREAM, status);
            // The appsink and the source keep only the newest frame, so a slow reader (a loaded
            // machine) skips some; the sequence numbers count every buffer that reached the source.
            assertTrue(frames >= 1, "frames read: " + frames);
            assertTrue(lastSequence >= 5, "a live 30 frames/s source paces the 15 buffers over half a second, so most"
                    + " reach the source: the last was number " + lastSequence);
            assertEquals(SourceState.ENDED, source.status().state());
        }
    }

    @Test
    void brokenPipelinesFailSayingWhy() {
        assumeGstreamer();
        try (FrameSource noSink = FrameSources.open("gst://videotestsrc ! fakesink")) {
            Await.until(WAIT, () -> noSink.status().state() == SourceState.FAILED, noSink::status);
            assertTrue(noSink.status().lastError().contains("has 0 appsinks; it needs exactly one"), noSink.status().lastError());
        }
        try (FrameSource unknown = FrameSources.open("gst://nosuchcamerasrc ! appsink")) {
            Await.until(WAIT, () -> unknown.status().state() == SourceState.FAILED, unknown::status);
            assertTrue(unknown.status().lastError().contains("no element \"nosuchcamerasrc\"")
                    && unknown.status().lastError().contains("gst-inspect-1.0"), unknown.status().lastError());
        }
    }

    @Test
    void csiNeedsNvarguscamerasrcAndSaysSo() {
        assumeGstreamer();
        assumeTrue(!GstRuntime.hasElement("nvarguscamerasrc"), "this machine is a Jetson with a CSI stack");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> FrameSources.open("csi://0"));
        assertTrue(e.getMessage().contains("nvarguscamerasrc") && e.getMessage().contains("JetPack"), e.getMessage());
    }

    @Test
    void csiUrisBecomeArgusPipelines() {
        assertEquals("nvarguscamerasrc sensor-id=1 ! video/x-raw(memory:NVMM),width=1920,height=1080,framerate=30/1"
                + " ! nvvidconv flip-method=2 ! video/x-raw,format=BGRx ! appsink name=edgevision sync=false",
                GstSources.csiPipeline(SourceUri.parse("csi://1?width=1920&height=1080&flip=2")));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> GstSources.csiPipeline(SourceUri.parse("csi://front")))
                .getMessage().contains("e.g. csi://0"));
    }
}
