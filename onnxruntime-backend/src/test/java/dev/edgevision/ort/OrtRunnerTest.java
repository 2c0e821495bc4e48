package dev.edgevision.ort;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgevision.core.detect.DetectorException;
import dev.edgevision.core.model.BundleWriter;
import dev.edgevision.core.model.DecoderSpec;
import dev.edgevision.core.model.ModelBundle;
import dev.edgevision.core.model.ModelManifest;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner gives what a plain ONNX Runtime session gives, for any batch size, from reused buffers. */
class OrtRunnerTest {
    static final Path BUNDLE = Path.of("..", "models", "digits.vbundle");

    @TempDir
    Path dir;

    static float[] randomInputs(int n, long seed) {
        float[] x = new float[n * 784];
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextDouble() < 0.2 ? (float) random.nextDouble() : 0f;
        }
        return x;
    }

    @Test
    void matchesAPlainSessionForEveryBatchSize() throws Exception {
        ModelBundle bundle = ModelBundle.open(BUNDLE);
        try (OrtRunner runner = new OrtRunner(bundle, 8, 1);
             OrtModel reference = OrtModel.load(bundle.modelBytes(), 1)) {
            assertEquals("onnxruntime-cpu", runner.backend());
            float[] buffer = runner.input();
            for (int batch : new int[] {1, 5, 8, 3, 5}) {
                float[] x = randomInputs(batch, batch);
                System.arraycopy(x, 0, buffer, 0, x.length);
                float[] out = runner.run(batch);
                float[] expected = reference.run(x, new long[] {batch, 1, 28, 28}, "probabilities");
                assertArrayEquals(expected, Arrays.copyOf(out, batch * 10), 1e-6f, "batch " + batch);
                assertSame(out, runner.run(batch), "the output array is reused");
                for (int row = 0; row < batch; row++) {
                    double sum = 0;
                    for (int c = 0; c < 10; c++) {
                        sum += out[row * 10 + c];
                    }
                    assertEquals(1.0, sum, 1e-4, "softmax rows sum to one");
                }
            }
            assertThrows(IllegalArgumentException.class, () -> runner.run(9));
        }
    }

    @Test
    void manifestNamingAMissingOutputIsRefusedWithBothNames() throws Exception {
        ModelBundle good = ModelBundle.open(BUNDLE);
        ModelManifest m = good.manifest();
        ModelManifest wrong = new ModelManifest(m.formatVersion(), m.name(), m.version(), m.task(), m.description(),
                m.created(), m.producer(), m.modelFile(), m.input(),
                java.util.List.of(new dev.edgevision.core.model.OutputSpec("scores", java.util.List.of(-1, 10))),
                new DecoderSpec("softmax", "scores", Map.of()), m.labels(), m.metrics(), Map.of());
        Path file = dir.resolve("wrong.vbundle");
        new BundleWriter(wrong).add(m.modelFile(), good.modelBytes()).write(file);
        DetectorException e = assertThrows(DetectorException.class,
                () -> new OrtRunner(ModelBundle.open(file), 4, 1).close());
        assertTrue(e.getMessage().contains("wrong.vbundle"), e.getMessage());
        assertTrue(e.getMessage().contains("output 'scores'") && e.getMessage().contains("[probabilities]"),
                e.getMessage());
    }

    @Test
    @org.junit.jupiter.api.Tag("bad-input")
    void aGraphWhoseInputDiffersFromTheManifestIsBlamedOnTheBundle() throws Exception {
        ModelBundle good = ModelBundle.open(BUNDLE);
        ModelManifest m = good.manifest();
        var i = m.input();
        var input = new dev.edgevision.core.model.InputSpec(i.name(), java.util.List.of(-1, 1, 32, 32), i.layout(),
                i.dtype(), i.colour(), i.valueRange(), i.mean(), i.std(), i.polarity(), "stretch");
        ModelManifest wrong = new ModelManifest(m.formatVersion(), m.name(), m.version(), m.task(), m.description(),
                m.created(), m.producer(), m.modelFile(), input, m.outputs(), m.decoder(), m.labels(), m.metrics(),
                Map.of());
        Path file = dir.resolve("other-input.vbundle");
        new BundleWriter(wrong).add(m.modelFile(), good.modelBytes()).write(file);
        DetectorException e = assertThrows(DetectorException.class,
                () -> new OrtRunner(ModelBundle.open(file), 4, 1).close());
        assertTrue(e.getMessage().contains("other-input.vbundle") && e.getMessage().contains("input.shape")
                && e.getMessage().contains("manifest 32, graph 28") && e.getMessage().contains("not at fault"),
                e.getMessage());
    }
}
