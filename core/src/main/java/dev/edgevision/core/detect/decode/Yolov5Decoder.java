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
final class Yolov5Decoder implements DetectionDecoder {
    static final Set<String> KEYS = Set.of("score_threshold", "iou_threshold", "max_detections");

    private final String output;
    private final DecoderSettings settings;
    private final int classes;
    private final int boxes;

    Yolov5Decoder(ModelManifest manifest, String source, DecoderParameters p) throws DecoderException {
        p.allowOnly(KEYS);
        this.output = manifest.decoder().output();
        this.settings = DecoderSettings.read(p);
        this.classes = manifest.labels().size();
        String expected = "[N, B, 5 + " + classes + " classes = " + (5 + classes) + "]";
        OutputShapes shapes = new OutputShapes(manifest, source, "yolov5");
        int[] dims = shapes.sampleDims(output, 3, expected);
        if (dims[1] != 5 + classes) {
            throw shapes.mismatch(output, shapes.shape(output), expected);
        }
        this.boxes = dims[0];
    }

    @Override
    public String type() {
        return "yolov5";
    }

    @Override
    public DecoderSettings settings() {
        return settings;
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
            int best = 0;
            for (int k = 1; k < classes; k++) {
                if (out[base + 5 + k] > out[base + 5 + best]) {
                    best = k;
                }
            }
            double score = (double) objectness * out[base + 5 + best];
            if (score >= minScore) {
                into.addCentre(out[base], out[base + 1], out[base + 2], out[base + 3], score, best);
            }
        }
    }
}
