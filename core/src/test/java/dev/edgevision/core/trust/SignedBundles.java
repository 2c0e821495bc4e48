package dev.edgevision.core.trust;

import dev.edgevision.core.model.BundleWriter;
import dev.edgevision.core.model.DecoderSpec;
import dev.edgevision.core.model.ModelManifest;
import dev.edgevision.core.model.OutputSpec;
import dev.edgevision.core.testing.DetectionManifests;
import dev.edgevision.core.testing.TinyOnnx;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A small detection bundle with two files, signed. */
final class SignedBundles {
    private SignedBundles() {
    }

    static Path unsigned(Path file) throws Exception {
        byte[] onnx = TinyOnnx.constantOutputs("images", 3, 32, 32, true, List.of(new TinyOnnx.Output("output0",
                new int[] {6, 1}, new float[] {16, 16, 8, 8, 0.9f, 0.1f})));
        ModelManifest manifest = DetectionManifests.of(DetectionManifests.rgbInput("images", 32, 32, "letterbox"),
                List.of(new OutputSpec("output0", List.of(-1, 6, 1))), new DecoderSpec("yolov8", "output0", Map.of()),
                List.of("cat", "dog"));
        new BundleWriter(manifest).add("model.onnx", onnx).add("samples/reference.bin", new byte[] {1, 2, 3, 4, 5, 6})
                .write(file);
        return file;
    }

    static Path signed(Path dir, SigningKey key, long sequence) throws Exception {
        Path unsigned = unsigned(dir.resolve("unsigned.vbundle"));
        Path signed = dir.resolve("signed-" + sequence + ".vbundle");
        BundleSigner.sign(unsigned, signed, key, sequence, null);
        return signed;
    }
}
