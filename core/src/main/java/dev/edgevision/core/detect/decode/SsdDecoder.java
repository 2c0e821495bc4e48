package dev.edgevision.core.detect.decode;

import dev.edgevision.core.inference.ModelRunner;
import dev.edgevision.core.model.ModelManifest;
import java.util.Set;

/**
 * {@code ssd}: boxes and scores in two outputs, as SSD-style exports give them after their box
 * decoding: {@code boxes_output} {@code [N, B, 4]} and {@code scores_output} {@code [N, B, C']}
 * with class probabilities.
 *
 * <p>Parameters: {@code boxes_output} and {@code scores_output} (required: which output is which;
 * {@code decoder.output} must be one of them), {@code box_format} ({@code xyxy}, the default:
 * left, top, right, bottom; or {@code yxyx}: top, left, bottom, right), {@code normalized}
 * (default true: coordinates are fractions of the input width and height; false: input pixels),
 * {@code background_class} (default -1: none; else the score column of the background, which is
 * skipped: then {@code C' = labels + 1} and the other columns are the labels in order), and the
 * common {@code score_threshold}, {@code iou_threshold}, {@code max_detections}.
 */
final class SsdDecoder extends LayoutDecoder {
    private static final Set<String> KEYS = Set.of("boxes_output", "scores_output", "box_format", "normalized",
            "background_class");

    private final String boxesOutput;
    private final String scoresOutput;
    private final boolean yxyx;
    private final double scaleX;
    private final double scaleY;
    private final int background;
    private final int columns;
    private final int boxes;

    SsdDecoder(ModelManifest manifest, String source, DecoderParameters p) throws DecoderException {
        super("ssd", KEYS, manifest, p);
        this.boxesOutput = p.text("boxes_output");
        this.scoresOutput = p.text("scores_output");
        String declared = manifest.decoder().output();
        if (!declared.equals(boxesOutput) && !declared.equals(scoresOutput)) {
            throw new DecoderException(source, "decoder.output '" + declared + "' must be boxes_output '"
                    + boxesOutput + "' or scores_output '" + scoresOutput + "'");
        }
        this.yxyx = "yxyx".equals(p.choice("box_format", "xyxy", "xyxy", "yxyx"));
        boolean normalized = p.bool("normalized", true);
        this.scaleX = normalized ? manifest.input().width() : 1;
        this.scaleY = normalized ? manifest.input().height() : 1;
        this.background = p.integer("background_class", -1, -1, classes);
        this.columns = classes + (background >= 0 ? 1 : 0);
        OutputShapes shapes = new OutputShapes(manifest, source, type());
        int[] boxDims = shapes.sampleDims(boxesOutput, 3, "[N, B, 4] for boxes_output");
        if (boxDims[1] != 4) {
            throw shapes.mismatch(boxesOutput, "[N, B, 4] for boxes_output");
        }
        this.boxes = boxDims[0];
        String expectedScores = "[N, " + boxes + ", " + columns + "] for scores_output (" + classes + " labels"
                + (background >= 0 ? " + the background column " + background : "") + ")";
        int[] scoreDims = shapes.sampleDims(scoresOutput, 3, expectedScores);
        if (scoreDims[0] != boxes || scoreDims[1] != columns) {
            throw shapes.mismatch(scoresOutput, expectedScores);
        }
    }

    @Override
    public int maxCandidates() {
        return boxes;
    }

    @Override
    public void decode(ModelRunner runner, double minScore, Candidates into) {
        float[] box = runner.output(boxesOutput);
        float[] scores = runner.output(scoresOutput);
        for (int b = 0; b < boxes; b++) {
            int row = b * columns;
            int best = bestClass(scores, row, 1, columns, background);
            float bestScore = scores[row + best];
            if (!(bestScore >= minScore)) {
                continue;
            }
            int label = background >= 0 && best > background ? best - 1 : best;
            int at = b * 4;
            double left = (yxyx ? box[at + 1] : box[at]) * scaleX;
            double top = (yxyx ? box[at] : box[at + 1]) * scaleY;
            double right = (yxyx ? box[at + 3] : box[at + 2]) * scaleX;
            double bottom = (yxyx ? box[at + 2] : box[at + 3]) * scaleY;
            into.add(Math.min(left, right), Math.min(top, bottom), Math.max(left, right), Math.max(top, bottom),
                    bestScore, label);
        }
    }
}
