package dev.edgevision.ort;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.edgevision.core.model.ModelManifest;
import dev.edgevision.core.model.OutputSpec;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Compares the shapes a manifest declares with the graph's own, at load: a bundle whose graph takes
 * a 3 x 32 x 32 input while its manifest says 1 x 28 x 28 is refused by name and field, rather than
 * failing on every frame as if the image were wrong. Dimensions the graph leaves open (-1, symbolic)
 * match anything.
 */
final class GraphShapes {
    private GraphShapes() {
    }

    /** What differs, naming the field, the manifest's value and the graph's; null when they agree. */
    static String mismatch(OrtSession session, ModelManifest manifest) {
        try {
            String input = compare("input.shape", manifest.input().shape(), session.getInputInfo(),
                    manifest.input().name());
            if (input != null) {
                return input;
            }
            List<OutputSpec> outputs = manifest.outputs();
            for (int i = 0; i < outputs.size(); i++) {
                String output = compare("outputs[" + i + "].shape", outputs.get(i).shape(), session.getOutputInfo(),
                        outputs.get(i).name());
                if (output != null) {
                    return output;
                }
            }
            return null;
        } catch (OrtException e) {
            return null; // the graph does not describe itself; the run reports any real mismatch
        }
    }

    private static String compare(String field, List<Integer> declared, Map<String, NodeInfo> graph, String name) {
        NodeInfo node = graph.get(name);
        if (node == null || !(node.getInfo() instanceof TensorInfo tensor)) {
            return null;
        }
        if (tensor.type != OnnxJavaType.FLOAT) {
            return "the graph's tensor '" + name + "' holds " + tensor.type + ", not float32 as the manifest says";
        }
        long[] actual = tensor.getShape();
        if (actual.length != declared.size()) {
            return "manifest " + field + " " + declared + " has " + declared.size() + " dimensions but the graph's '"
                    + name + "' has " + actual.length + " " + Arrays.toString(actual);
        }
        for (int d = 1; d < actual.length; d++) {
            if (actual[d] > 0 && declared.get(d) > 0 && actual[d] != declared.get(d)) {
                return "manifest " + field + " " + declared + " differs from the graph's '" + name + "' "
                        + Arrays.toString(actual) + " in dimension " + d + " (manifest " + declared.get(d) + ", graph "
                        + actual[d] + ")";
            }
        }
        return null;
    }
}
