package dev.edgevision.core.testing;

import dev.edgevision.core.model.DecoderSpec;
import dev.edgevision.core.model.FileEntry;
import dev.edgevision.core.model.InputSpec;
import dev.edgevision.core.model.ModelManifest;
import dev.edgevision.core.model.OutputSpec;
import dev.edgevision.core.model.Polarity;
import dev.edgevision.core.model.Task;
import java.util.List;
import java.util.Map;

/** Detection manifests for tests: an RGB NCHW input scaled to 0..1 and the outputs and decoder given. */
public final class DetectionManifests {
    private DetectionManifests() {
    }

    /** The input of a {@code width} x {@code height} RGB detector, fitted by {@code resize}. */
    public static InputSpec rgbInput(String name, int width, int height, String resize) {
        return new InputSpec(name, List.of(-1, 3, height, width), "NCHW", "float32", "rgb", List.of(0.0, 1.0),
                List.of(0.0, 0.0, 0.0), List.of(1.0, 1.0, 1.0), Polarity.NATURAL, resize);
    }

    /** A detection manifest whose files list a placeholder model.onnx. */
    public static ModelManifest of(InputSpec input, List<OutputSpec> outputs, DecoderSpec decoder, List<String> labels) {
        return new ModelManifest(ModelManifest.FORMAT_VERSION, "test-detector", "1", Task.DETECTION, "for tests",
                "2026-11-22T00:00:00Z", "tests", "model.onnx", input, outputs, decoder, labels, Map.of(),
                Map.of("model.onnx", new FileEntry("0".repeat(64), 0)));
    }

    /** One output of shape {@code shape} (batch -1 first) read by decoder {@code type}. */
    public static ModelManifest single(String type, List<Integer> shape, Map<String, Object> parameters,
            List<String> labels, int width, int height, String resize) {
        return of(rgbInput("images", width, height, resize), List.of(new OutputSpec("output0", shape)),
                new DecoderSpec(type, "output0", parameters), labels);
    }
}
