package dev.edgevision.tensorrt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TrtVersionsTest {
    @Test
    void versionsDecodeAsTheLibrariesEncodeThem() {
        assertEquals("10.3.0", TrtVersions.tensorrt(100300));
        assertEquals("10.15.1", TrtVersions.tensorrt(101501));
        assertEquals("12.6", TrtVersions.cuda(12060));
        assertEquals("13.1", TrtVersions.cuda(13010));
    }

    @Test
    void tensorrt10From10Point3IsAcceptedAndAnythingElseIsAMismatch() {
        assertNull(TrtVersions.mismatch(100300));
        assertNull(TrtVersions.mismatch(101500));
        assertTrue(TrtVersions.mismatch(100200).contains("older than 10.3"));
        assertTrue(TrtVersions.mismatch(110200).startsWith("version mismatch: TensorRT 11.2.0 is installed"));
        assertTrue(TrtVersions.mismatch(80601).contains("needs TensorRT 10"), TrtVersions.mismatch(80601));
    }
}
