package dev.edgevision.camera.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class SourceUriTest {
    @Test
    void takesSchemeTargetAndParametersApart() {
        SourceUri uri = SourceUri.parse("Synthetic://digits?fps=15&digits=1..6&blank=0.1");
        assertEquals("synthetic", uri.scheme());
        assertEquals("digits", uri.target());
        assertEquals(15.0, uri.number("fps", 0, 0, 100));
        assertEquals(new IntRange(1, 6), uri.range("digits", new IntRange(2, 2), 0, 50));
        assertEquals(0.1, uri.number("blank", 0, 0, 1));
    }

    @Test
    void pathsMayHoldSpacesAndEscapes() {
        assertEquals("/videos/my clip.mp4", SourceUri.parse("file:///videos/my clip.mp4").target());
        assertEquals("/videos/my clip é.mp4", SourceUri.parse("file:///videos/my%20clip%20%C3%A9.mp4").target());
    }

    @Test
    void aGstPipelineIsKeptVerbatim() {
        SourceUri uri = SourceUri.parse("gst://videotestsrc ! video/x-raw,width=320 ! appsink caps=a?b");
        assertEquals("videotestsrc ! video/x-raw,width=320 ! appsink caps=a?b", uri.target());
        assertTrue(uri.params().isEmpty());
    }

    @Test
    void passwordsAreMaskedInEverythingShown() {
        SourceUri uri = SourceUri.parse("rtsp://admin:s3cret@10.0.0.5:554/live?transport=udp&channel=2");
        assertEquals("rtsp://admin:***@10.0.0.5:554/live?transport=udp&channel=2", uri.toString());
        assertEquals("rtsp://admin:s3cret@10.0.0.5:554/live?channel=2", uri.textWithout(Set.of("transport")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> uri.choice("transport", "tcp", Set.of("tcp")));
        assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
    }

    @Test
    void errorsNameTheUriTheParameterAndWhatToWrite() {
        SourceUri uri = SourceUri.parse("synthetic://digits?fsp=3&fps=fast&digits=6..1");
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> uri.allowOnly(Set.of("fps", "digits")));
        assertEquals("camera URI 'synthetic://digits?fsp=3&fps=fast&digits=6..1': unknown parameter 'fsp';"
                + " synthetic:// takes digits, fps", unknown.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> uri.number("fps", 15, 0, 100))
                .getMessage().contains("fps=fast is not a number; write e.g. fps=15"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> uri.range("digits", new IntRange(1, 6), 0, 50))
                .getMessage().contains("digits=6..1 is an empty range"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SourceUri.parse("/dev/video0"))
                .getMessage().contains("has no scheme"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SourceUri.parse("file:///a?x=1&x=2"))
                .getMessage().contains("sets parameter x twice"));
    }
}
