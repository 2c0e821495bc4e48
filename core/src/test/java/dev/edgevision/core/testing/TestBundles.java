package dev.edgevision.core.testing;

import dev.edgevision.core.frame.Frame;
import dev.edgevision.core.frame.PixelFormat;
import dev.edgevision.core.io.PngImages;
import dev.edgevision.core.model.BundleSamples;
import dev.edgevision.core.model.BundleWriter;
import dev.edgevision.core.model.DecoderSpec;
import dev.edgevision.core.model.InputSpec;
import dev.edgevision.core.model.ModelManifest;
import dev.edgevision.core.model.OutputSpec;
import dev.edgevision.core.model.Polarity;
import dev.edgevision.core.model.Task;
import java.util.List;
import java.util.Map;

/** Small digit-classifier bundles for tests of other modules: a manifest, fake digits, sample files. */
public final class TestBundles {
    public static final List<String> DIGITS = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    private TestBundles() {
    }

    /** A 1x28x28 grey classifier manifest (dynamic batch, softmax output {@code probabilities} of 10). */
    public static ModelManifest digitManifest() {
        InputSpec input = new InputSpec("input", List.of(-1, 1, 28, 28), "NCHW", "float32", "grayscale",
                List.of(0.0, 1.0), List.of(0.0), List.of(1.0), Polarity.LIGHT_ON_DARK, "mnist");
        return new ModelManifest(ModelManifest.FORMAT_VERSION, "digits", "3", Task.CLASSIFICATION, "test",
                "2026-11-22T08:00:00Z", "test", "model.onnx", input,
                List.of(new OutputSpec("probabilities", List.of(-1, 10))),
                new DecoderSpec("softmax", "probabilities", Map.of()), DIGITS, Map.of(), Map.of());
    }

    /** A 28x28 grey image: a bright bar (white ink on black, as MNIST) whose position depends on {@code seed}. */
    public static Frame digitImage(int seed) {
        Frame frame = new Frame();
        byte[] data = frame.reshape(28, 28, PixelFormat.GRAY8);
        int x0 = 6 + seed % 12;
        for (int y = 5; y < 23; y++) {
            for (int x = x0; x < x0 + 4; x++) {
                data[y * 28 + x] = (byte) 255;
            }
        }
        return frame;
    }

    /** A writer for {@link #digitManifest()} with {@code graph} as model.onnx and {@code images} calibration images. */
    public static BundleWriter digitBundle(byte[] graph, int images) {
        BundleWriter writer = new BundleWriter(digitManifest()).add("model.onnx", graph);
        for (int i = 0; i < images; i++) {
            writer.add(BundleSamples.calibrationName(i), PngImages.encode(digitImage(i)));
        }
        return writer;
    }
}
