package dev.edgevision.tensorrt.build;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Fast FP16 and INT8 by compute capability, as TensorRT decides them. */
class CapabilitiesTest {
    @Test
    void jetsonBoards() {
        assertEquals(new Capabilities(true, false, 0), Capabilities.of(5, 3, 0), "Nano, TX1");
        assertEquals(new Capabilities(true, false, 0), Capabilities.of(6, 2, 0), "TX2");
        assertEquals(new Capabilities(true, true, 2), Capabilities.of(7, 2, 2), "Xavier");
        assertEquals(new Capabilities(true, true, 2), Capabilities.of(8, 7, 2), "Orin AGX/NX");
        assertEquals(new Capabilities(true, true, 0), Capabilities.of(8, 7, 0), "Orin Nano");
    }

    @Test
    void desktopGpus() {
        assertEquals(new Capabilities(false, true, 0), Capabilities.of(6, 1, 0), "GTX 10xx: slow FP16");
        assertEquals(new Capabilities(false, false, 0), Capabilities.of(5, 2, 0), "Maxwell desktop");
        assertEquals(new Capabilities(true, true, 0), Capabilities.of(12, 0, 0), "newer than this table");
    }
}
