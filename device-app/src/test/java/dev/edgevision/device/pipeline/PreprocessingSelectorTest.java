package dev.edgevision.device.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.edgevision.opencv.OpenCvRuntime;
import org.junit.jupiter.api.Test;

class PreprocessingSelectorTest {
    @Test
    void autoTakesOpenCvWhereItsNativesLoadAndSaysSo() {
        assumeTrue(OpenCvRuntime.available(), OpenCvRuntime::problem);
        PreprocessingSelector.Selection s = PreprocessingSelector.select("auto");
        assertEquals("opencv", s.preprocessing().name());
        assertTrue(s.reason().contains("OpenCV 4.13.0 natives loaded"), s.reason());
    }

    @Test
    void javaCanBeAskedForInAnyCase() {
        assertEquals("java", PreprocessingSelector.select(" Java ").preprocessing().name());
    }

    @Test
    void anUnknownChoiceIsNamedWithTheChoices() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PreprocessingSelector.select("cuda"));
        assertEquals("pre-processing must be auto, opencv or java, got 'cuda'", e.getMessage());
    }
}
