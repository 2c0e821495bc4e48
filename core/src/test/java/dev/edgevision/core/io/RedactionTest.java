package dev.edgevision.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("bad-input")
class RedactionTest {
    @Test
    void masksThePasswordOfEverySchemeInAnyCase() {
        for (String scheme : new String[] {"rtsp", "RTSP", "Rtsps", "tcp", "ssl", "http", "https", "file", "gst", "v4l2",
            "csi", "synthetic", "x-custom+thing"}) {
            String masked = Redaction.text(scheme + "://admin:hunter22@10.0.0.5:554/stream1");
            assertEquals(scheme + "://admin:***@10.0.0.5:554/stream1", masked);
        }
    }

    @Test
    void masksPasswordsHoldingSlashesAtSignsColonsAndQuestionMarks() {
        assertEquals("rtsp://admin:***@cam.local/live", Redaction.text("rtsp://admin:pa/ss@wo:rd@cam.local/live"));
        assertEquals("rtsp://admin:***@cam.local/live?transport=tcp",
                Redaction.text("rtsp://admin:p@ss/w?rd@cam.local/live?transport=tcp"));
        assertFalse(Redaction.text("rtsp://admin:p?ss#w@cam/live").contains("p?ss#w"));
        assertFalse(Redaction.text("rtsp://admin:p%40ss@cam/live").contains("p%40ss"));
    }

    @Test
    void keepsHostPortPathAndUserAndLeavesUrisWithoutSecretsAlone() {
        assertEquals("tcp://broker.example:8883", Redaction.text("tcp://broker.example:8883"));
        assertEquals("file:///home/me/a@b.png", Redaction.text("file:///home/me/a@b.png"));
        assertEquals("rtsp://viewer@cam/live", Redaction.text("rtsp://viewer@cam/live"));
        assertEquals("synthetic://digits?fps=15", Redaction.text("synthetic://digits?fps=15"));
    }

    @Test
    void masksEveryUriInsideALineAndSecretQueryParameters() {
        String line = "camera desk: gst://rtspsrc location=rtsp://u:s3cr3t!@h/x ! appsink failed; broker "
                + "'tcp://dev:brokerpw@127.0.0.1:1883' and \"https://h/api?token=abcdef&x=1&Password=zz\"";
        String masked = Redaction.text(line);
        assertFalse(masked.contains("s3cr3t!"), masked);
        assertFalse(masked.contains("brokerpw"), masked);
        assertFalse(masked.contains("abcdef"), masked);
        assertFalse(masked.contains("=zz"), masked);
        assertTrue(masked.contains("rtsp://u:***@h/x ! appsink"), masked);
        assertTrue(masked.contains("tcp://dev:***@127.0.0.1:1883'"), masked);
        assertTrue(masked.contains("token=***&x=1&Password=***"), masked);
    }

    @Test
    void registeredSecretsAreMaskedAnywhere() {
        Redaction.register("Regist3red-Secret");
        assertEquals("connect refused for *** (bad password)",
                Redaction.text("connect refused for Regist3red-Secret (bad password)"));
        Redaction.register("ab");
        assertEquals("abc", Redaction.text("abc"), "a two-letter secret is not masked in free text");
    }

    @Test
    void passwordOfAUri() {
        assertEquals("pa/ss@x", Redaction.password("RTSP://me:pa/ss@x@host/a"));
        assertNull(Redaction.password("rtsp://me@host/a"));
        assertNull(Redaction.password("file:///a:b@c"));
        assertNull(Redaction.text(null));
    }
}
