package dev.edgevision.tensorrt;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Runs everywhere: the availability check answers without throwing, with a reason that is not generic. */
class TrtLibraryTest {
    @Test
    void availabilitySaysWhichGpuOrWhatIsMissing() {
        TrtLibrary.Availability a = TrtLibrary.availability();
        assertFalse(a.reason().isBlank());
        if (a.available()) {
            assertTrue(a.reason().matches(".+ \\(compute \\d+\\.\\d+\\), CUDA \\d+\\.\\d+, TensorRT 10\\.\\d+\\.\\d+"),
                    a.reason());
        } else {
            assertFalse(a.reason().startsWith("the CUDA and TensorRT JNI libraries did not load"),
                    "the reason names what is missing: " + a.reason());
        }
        assertTrue(a.equals(TrtLibrary.availability()), "checked once per process");
    }
}
