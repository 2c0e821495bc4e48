package dev.edgevision.device.update;

import dev.edgevision.core.model.BundleWriter;
import dev.edgevision.core.model.DecoderSpec;
import dev.edgevision.core.model.ModelManifest;
import dev.edgevision.core.model.OutputSpec;
import dev.edgevision.core.testing.DetectionManifests;
import dev.edgevision.core.testing.TinyOnnx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Small, distinct detection bundles: one constant box whose score tells them apart. */
final class Bundles {
    private Bundles() {
    }

    /** Writes a bundle whose one box scores {@code score} and returns its bytes. */
    static byte[] write(Path file, float score) throws Exception {
        byte[] onnx = TinyOnnx.constantOutputs("images", 3, 32, 32, true, List.of(new TinyOnnx.Output("output0",
                new int[] {6, 1}, new float[] {16, 16, 8, 8, score, 1 - score})));
        ModelManifest manifest = DetectionManifests.of(DetectionManifests.rgbInput("images", 32, 32, "letterbox"),
                List.of(new OutputSpec("output0", List.of(-1, 6, 1))), new DecoderSpec("yolov8", "output0", Map.of()),
                List.of("cat", "dog"));
        new BundleWriter(manifest).add("model.onnx", onnx).write(file);
        return Files.readAllBytes(file);
    }
}
