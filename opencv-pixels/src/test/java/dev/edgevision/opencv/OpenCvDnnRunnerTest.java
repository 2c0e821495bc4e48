package dev.edgevision.opencv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.edgevision.core.frame.Frame;
import dev.edgevision.core.frame.PixelFormat;
import dev.edgevision.core.model.ModelBundle;
import dev.edgevision.core.model.Polarity;
import dev.edgevision.core.preprocess.FramePreprocessor;
import dev.edgevision.core.preprocess.Preprocessing;
import dev.edgevision.ort.OrtRunner;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The OpenCV DNN peer computes what ONNX Runtime computes on the same input (within 1e-3). */
class OpenCvDnnRunnerTest {
    private static final Path HOME = Path.of(System.getProperty("edgevision.home", ".."));

    @Test
    void theDetectorsRawOutputMatchesOnnxRuntime() throws Exception {
        assumeTrue(OpenCvRuntime.available(), OpenCvRuntime::problem);
        ModelBundle bundle = ModelBundle.open(HOME.resolve("models/digit-detector.vbundle"));
        try (OrtRunner ort = new OrtRunner(bundle, 1, 1);
             OpenCvDnnRunner dnn = new OpenCvDnnRunner(bundle, 1);
             FramePreprocessor pixels = Preprocessing.java().open(bundle.manifest().input(), Polarity.DARK_ON_LIGHT)) {
            assertEquals("opencv-dnn", dnn.backend());
            for (Frame frame : OpenCvParityTest.frames(PixelFormat.BGR24, 2)) {
                pixels.fill(frame, ort.input(), 0);
                System.arraycopy(ort.input(), 0, dnn.input(), 0, ort.input().length);
                float[] want = ort.run(1).clone();
                float[] got = dnn.run(1);
                assertEquals(want.length, got.length);
                double max = 0;
                for (int i = 0; i < want.length; i++) {
                    max = Math.max(max, Math.abs(want[i] - got[i]));
                }
                assertTrue(max < 1e-3, "largest difference " + max);
                assertEquals(got, dnn.output(bundle.manifest().decoder().output()));
            }
            assertThrows(IllegalArgumentException.class, () -> dnn.run(2));
        }
    }
}
