package dev.edgevision.core.detect.decode;

import dev.edgevision.core.inference.ModelRunner;
import dev.edgevision.core.model.ModelManifest;
import java.util.Set;

/**
 * {@code yolov5}: one output {@code [N, B, 5+C]}, each of the B rows holding the box centre x, y,
 * width and height in input pixels, the objectness and C class scores, all already activated
 * (as YOLOv5's ONNX export writes them). A box's score for class k is {@code objectness * class_k};
 * its class is the best one. Parameters: {@code score_threshold}, {@code iou_threshold},
 * {@code max_detections}.
 */
final class Yolov5Decoder extends LayoutDecoder {
    private final String output;
    private final int boxes;

    Yolov5Decoder(ModelManifest manifest, String source, DecoderParameters p) throws DecoderException {
        super("yolov5", Set.of(), manifest, p);
        this.output = manifest.decoder().output();
        String expected = "[N, B, 5 + " + classes + " classes = " + (5 + classes) + "]";
        OutputShapes shapes = new OutputShapes(manifest, source, type());
        int[] dims = shapes.sampleDims(output, 3, expected);
        if (dims[1] != 5 + classes) {
            throw shapes.mismatch(output, expected);
        }
        this.boxes = dims[0];
    }

    @Override
    public int maxCandidates() {
        return boxes;
    }

    @Override
    public void decode(ModelRunner runner, double minScore, Candidates into) {
        float[] out = runner.output(output);
        int row = 5 + classes;
        for (int b = 0; b < boxes; b++) {
            int base = b * row;
            float objectness = out[base + 4];
            if (objectness < minScore) {
                continue;
            }
            int best = bestClass(out, base + 5, 1, classes, NO_SKIP);
            double score = (double) objectness * out[base + 5 + best];
            if (score >= minScore) {
                into.addCentre(out[base], out[base + 1], out[base + 2], out[base + 3], score, best);
            }
        }
    }
}
