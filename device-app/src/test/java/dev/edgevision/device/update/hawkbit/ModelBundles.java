package dev.edgevision.device.update.hawkbit;

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
import java.util.Random;

/** Small detection bundles told apart by their one box's score, padded to a size when a test needs one. */
final class ModelBundles {
    private ModelBundles() {
    }

    /** Writes a bundle whose box scores {@code score}, with {@code padding} random bytes in a listed file; returns its bytes. */
    static byte[] write(Path file, float score, int padding) throws Exception {
        byte[] onnx = TinyOnnx.constantOutputs("images", 3, 32, 32, true, List.of(new TinyOnnx.Output("output0",
                new int[] {6, 1}, new float[] {16, 16, 8, 8, score, 1 - score})));
        ModelManifest manifest = DetectionManifests.of(DetectionManifests.rgbInput("images", 32, 32, "letterbox"),
                List.of(new OutputSpec("output0", List.of(-1, 6, 1))), new DecoderSpec("yolov8", "output0", Map.of()),
                List.of("cat", "dog"));
        BundleWriter writer = new BundleWriter(manifest).add("model.onnx", onnx);
        if (padding > 0) {
            byte[] pad = new byte[padding];
            new Random(padding + (long) (score * 1000)).nextBytes(pad);
            writer.add("notes.bin", pad);
        }
        writer.write(file);
        return Files.readAllBytes(file);
    }
}
