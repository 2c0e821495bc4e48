package dev.edgevision.tensorrt.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgevision.core.model.ModelManifest;
import dev.edgevision.core.testing.TestBundles;
import dev.edgevision.tensorrt.build.Precision;
import org.junit.jupiter.api.Test;

/** An engine is used only when its outputs match ONNX Runtime's within the precision's tolerance. */
class EngineValidatorTest {
    static final ModelManifest MANIFEST = TestBundles.digitManifest();

    /** {@code n} samples whose class {@code i % 10} stands out clearly. */
    static float[] inputs(int n) {
        float[] in = new float[n * FakeRunner.SAMPLE];
        for (int s = 0; s < n; s++) {
            in[s * FakeRunner.SAMPLE + s % 10] = 1f;
        }
        return in;
    }

    @Test
    void identicalOutputsPassAtEveryPrecision() throws Exception {
        for (Precision p : Precision.values()) {
            ValidationReport r = EngineValidator.validate(new FakeRunner("tensorrt", 8, 0), new FakeRunner("ort", 32, 0),
                    inputs(20), 20, MANIFEST, p);
            assertTrue(r.passed(), r.reason());
            assertEquals(20, r.samples());
            assertEquals(1.0, r.top1Agreement());
        }
    }

    @Test
    void aDifferenceOf5e3FailsFp32AndPassesFp16() throws Exception {
        ValidationReport fp32 = EngineValidator.validate(new FakeRunner("t", 8, 5e-3f), new FakeRunner("o", 32, 0),
                inputs(12), 12, MANIFEST, Precision.FP32);
        assertFalse(fp32.passed());
        assertTrue(fp32.reason().startsWith("differs from ONNX Runtime beyond the fp32 tolerance: 12 reference samples,"
                + " largest difference 0.0050 at probabilities[sample "), fp32.reason());
        assertTrue(fp32.reason().contains("(tolerance 0.001), top-1 agreement 100.0 %"), fp32.reason());
        ValidationReport fp16 = EngineValidator.validate(new FakeRunner("t", 8, 5e-3f), new FakeRunner("o", 32, 0),
                inputs(12), 12, MANIFEST, Precision.FP16);
        assertTrue(fp16.passed(), fp16.reason());
        assertEquals(5e-3, fp16.worstError(), 1e-6);
    }

    @Test
    void int8AllowsMoreButNotTooMuch() throws Exception {
        assertTrue(EngineValidator.validate(new FakeRunner("t", 8, 0.04f), new FakeRunner("o", 8, 0), inputs(10), 10,
                MANIFEST, Precision.INT8).passed());
        assertFalse(EngineValidator.validate(new FakeRunner("t", 8, 0.06f), new FakeRunner("o", 8, 0), inputs(10), 10,
                MANIFEST, Precision.INT8).passed());
    }

    @Test
    void topClassMustAgree() throws Exception {
        FakeRunner flipping = new FakeRunner("t", 8, 0) {
            @Override
            public float[] run(int batch) {
                float[] out = super.run(batch);
                out[0] = 0f; // sample 0 loses its winning class: 1 of 10 samples disagrees
                return out;
            }
        };
        ValidationReport r = EngineValidator.validate(flipping, new FakeRunner("o", 8, 0), inputs(10), 10, MANIFEST,
                Precision.INT8);
        assertEquals(0.9, r.top1Agreement(), 1e-9);
        assertFalse(r.passed(), r.reason());
    }

    @Test
    void notANumberFails() throws Exception {
        ValidationReport r = EngineValidator.validate(new FakeRunner("t", 8, Float.NaN), new FakeRunner("o", 8, 0),
                inputs(3), 3, MANIFEST, Precision.FP16);
        assertFalse(r.passed());
        assertEquals(Double.POSITIVE_INFINITY, r.worstError());
    }
}
