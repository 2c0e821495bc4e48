package dev.edgevision.camera;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FrameSourcesTest {
    @Test
    void anUnknownSchemeIsRefusedNamingTheUriAndListingTheSupportedOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FrameSources.open("http://camera.local/stream.mjpg"));
        assertEquals("camera URI 'http://camera.local/stream.mjpg': unknown scheme 'http://'; supported: synthetic://,"
                + " file://, v4l2://, csi://, gst://, rtsp://, rtsps:// (e.g. synthetic://digits, file:///videos/a.mp4,"
                + " v4l2:///dev/video0, csi://0, rtsp://host/stream)", e.getMessage());
    }

    @Test
    void malformedUrisSayWhatToWrite() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FrameSources.open("/dev/video0"))
                .getMessage().contains("has no scheme; write it as scheme://..., e.g. file:///dev/video0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FrameSources.open(""))
                .getMessage().startsWith("empty camera URI"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FrameSources.open("file://videos/a.mp4"))
                .getMessage().contains("needs an absolute path: file:///home/me/video.mp4 (three slashes)"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FrameSources.open("file:///tmp/a.mp4?fps=fast"))
                .getMessage().contains("fps=fast is not a number"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FrameSources.open("synthetic://digits?colour=red"))
                .getMessage().contains("unknown parameter 'colour'; synthetic:// takes blank, blur, data, digits"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FrameSources.open("rtsp://cam/live?transport=quic"))
                .getMessage().contains("transport=quic is not one of tcp, udp"));
    }
}
