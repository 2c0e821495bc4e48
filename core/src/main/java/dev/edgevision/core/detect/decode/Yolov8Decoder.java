package dev.edgevision.core.detect.decode;

import dev.edgevision.core.inference.ModelRunner;
import dev.edgevision.core.model.ModelManifest;
import java.util.Set;

/**
 * {@code yolov8}: one output {@code [N, 4+C, B]} as Ultralytics exports YOLOv8 and later: for each of
 * the B boxes, the centre x, y, width and height in input pixels, then C class scores (already
 * sigmoid), no objectness. The transposed layout {@code [N, B, 4+C]} is read too when the
 * manifest's output shape says so (when B equals 4+C the shape cannot tell, and the exported
 * layout {@code [N, 4+C, B]} is assumed). Parameters: {@code score_threshold},
 * {@code iou_threshold}, {@code max_detections}.
 */
final class Yolov8Decoder extends LayoutDecoder {
    private final String output;
    private final int boxes;
    /** Distance between a box's consecutive values, and between consecutive boxes. */
    private final int valueStep;
    private final int boxStep;

    Yolov8Decoder(ModelManifest manifest, String source, DecoderParameters p) throws DecoderException {
        super("yolov8", Set.of(), manifest, p);
        this.output = manifest.decoder().output();
        int values = 4 + classes;
        String expected = "[N, 4 + " + classes + " classes = " + values + ", B] (or [N, B, " + values + "])";
        OutputShapes shapes = new OutputShapes(manifest, source, type());
        int[] dims = shapes.sampleDims(output, 3, expected);
        if (dims[0] == values) {
            boxes = dims[1];
            valueStep = boxes;
            boxStep = 1;
        } else if (dims[1] == values) {
            boxes = dims[0];
            valueStep = 1;
            boxStep = values;
        } else {
            throw shapes.mismatch(output, expected);
        }
    }

    @Override
    public int maxCandidates() {
        return boxes;
    }

    @Override
    public void decode(ModelRunner runner, double minScore, Candidates into) {
        float[] out = runner.output(output);
        for (int b = 0; b < boxes; b++) {
            int base = b * boxStep;
            int scores = base + 4 * valueStep;
            int best = bestClass(out, scores, valueStep, classes, NO_SKIP);
            float bestScore = out[scores + best * valueStep];
            if (bestScore >= minScore) {
                into.addCentre(out[base], out[base + valueStep], out[base + 2 * valueStep], out[base + 3 * valueStep],
                        bestScore, best);
            }
        }
    }
}
