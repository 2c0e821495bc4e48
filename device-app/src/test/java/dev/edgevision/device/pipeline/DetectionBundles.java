package dev.edgevision.device.pipeline;

import dev.edgevision.core.model.BundleWriter;
import dev.edgevision.core.model.DecoderSpec;
import dev.edgevision.core.model.ModelBundle;
import dev.edgevision.core.model.ModelManifest;
import dev.edgevision.core.model.OutputSpec;
import dev.edgevision.core.testing.DetectionManifests;
import dev.edgevision.core.testing.TinyOnnx;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A foreign YOLOv8-style detector for tests: 320x320 RGB letterboxed input, labels cat and dog, and
 * an output {@code [N, 6, 3]} that always holds the same three boxes (in input pixels).
 */
public final class DetectionBundles {
    /** cx, cy, w, h, cat score, dog score of each box. */
    public static final float[][] BOXES = {
        {160, 100, 80, 40, 0.9f, 0.1f},
        {60, 200, 40, 60, 0.05f, 0.7f},
        {250, 250, 30, 30, 0.1f, 0.1f},
    };

    private DetectionBundles() {
    }

    /** The ONNX graph. */
    public static byte[] onnx() {
        float[] values = new float[6 * BOXES.length];
        for (int b = 0; b < BOXES.length; b++) {
            for (int v = 0; v < 6; v++) {
                values[v * BOXES.length + b] = BOXES[b][v];
            }
        }
        return TinyOnnx.constantOutputs("images", 3, 320, 320, true,
                List.of(new TinyOnnx.Output("output0", new int[] {6, BOXES.length}, values)));
    }

    /** Writes the bundle with the output shape and decoder given, and opens it. */
    public static ModelBundle write(Path file, List<Integer> outputShape, String decoder) throws Exception {
        ModelManifest manifest = DetectionManifests.of(DetectionManifests.rgbInput("images", 320, 320, "letterbox"),
                List.of(new OutputSpec("output0", outputShape)), new DecoderSpec(decoder, "output0", Map.of()),
                List.of("cat", "dog"));
        new BundleWriter(manifest).add("model.onnx", onnx()).write(file);
        return ModelBundle.open(file);
    }

    /** The well-declared bundle. */
    public static ModelBundle yolov8(Path file) throws Exception {
        return write(file, List.of(-1, 6, BOXES.length), "yolov8");
    }
}
