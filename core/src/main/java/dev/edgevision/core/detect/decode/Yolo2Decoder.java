package dev.edgevision.core.detect.decode;

import dev.edgevision.core.inference.ModelRunner;
import dev.edgevision.core.model.ModelManifest;
import java.util.Arrays;
import java.util.Set;

/**
 * {@code yolo2}: this project's own detector, whose ONNX graph ends where DL4J's
 * {@code Yolo2OutputLayer} begins, so the output holds raw pre-activation values.
 *
 * <p>Layout, as DL4J's {@code YoloUtils.activate} reads its input: one output
 * {@code [N, A*(5+C), GH, GW]}, seen as {@code [N, A, 5+C, GH, GW]}, so anchor {@code a}'s values
 * at a cell are channels {@code a*(5+C) + k}: {@code k = 0, 1} are tx, ty; {@code 2, 3} are tw, th;
 * {@code 4} is the confidence logit; {@code 5..} are the C class logits. DL4J activates them as
 * sigmoid(tx), sigmoid(ty) (position inside the cell), {@code prior * exp(tw)}, {@code prior * exp(th)}
 * (size in grid units; the priors, {@code [A, 2]}, are in grid units too), sigmoid of the confidence,
 * and a softmax over the class logits; {@code YoloUtils.getPredictedObjects} adds the cell's column
 * and row to the position. In input pixels that is
 * {@code cx = (col + sigmoid(tx)) * stride_x}, {@code cy = (row + sigmoid(ty)) * stride_y},
 * {@code w = anchor_w * exp(tw) * stride_x}, {@code h = anchor_h * exp(th) * stride_y}, and the score
 * of class k is {@code sigmoid(tc) * softmax(logits)[k]}.
 *
 * <p>Parameters: {@code anchors} (required, {@code [[w, h], ...]} in grid units), {@code grid}
 * ({@code [GW, GH]}, default from the output shape), {@code stride} ({@code [sx, sy]} input pixels
 * per cell, default input size / grid; grid times stride must cover the input), and the common
 * {@code score_threshold}, {@code iou_threshold}, {@code max_detections}.
 */
final class Yolo2Decoder extends LayoutDecoder {
    private static final Set<String> KEYS = Set.of("anchors", "grid", "stride");

    private final String output;
    private final double[][] anchors;
    private final int gridW;
    private final int gridH;
    private final double strideX;
    private final double strideY;

    Yolo2Decoder(ModelManifest manifest, String source, DecoderParameters p) throws DecoderException {
        super("yolo2", KEYS, manifest, p);
        this.output = manifest.decoder().output();
        this.anchors = p.pairs("anchors", "the anchor (prior) box sizes in grid units");
        int perAnchor = 5 + classes;
        String expected = "[N, " + anchors.length + " anchors x (5 + " + classes + " classes) = "
                + anchors.length * perAnchor + ", GH, GW]";
        OutputShapes shapes = new OutputShapes(manifest, source, type());
        int[] dims = shapes.sampleDims(output, 4, expected);
        if (dims[0] != anchors.length * perAnchor) {
            throw shapes.mismatch(output, expected);
        }
        this.gridH = dims[1];
        this.gridW = dims[2];
        double[] grid = p.positivePair("grid");
        if (grid != null && (grid[0] != gridW || grid[1] != gridH)) {
            throw p.error("grid", "is " + Arrays.toString(grid) + " but output '" + output + "' has a "
                    + gridW + " x " + gridH + " grid (shape " + shapes.shape(output) + "); write [" + gridW + ", "
                    + gridH + "]");
        }
        double[] stride = p.positivePair("stride");
        int inW = manifest.input().width();
        int inH = manifest.input().height();
        this.strideX = stride == null ? (double) inW / gridW : stride[0];
        this.strideY = stride == null ? (double) inH / gridH : stride[1];
        if (Math.abs(strideX * gridW - inW) > 1e-6 || Math.abs(strideY * gridH - inH) > 1e-6) {
            throw p.error("stride", "is [" + strideX + ", " + strideY + "] but grid " + gridW + " x " + gridH
                    + " times the stride must equal the input size " + inW + " x " + inH);
        }
    }

    @Override
    public int maxCandidates() {
        return anchors.length * gridW * gridH;
    }

    @Override
    public void decode(ModelRunner runner, double minScore, Candidates into) {
        float[] out = runner.output(output);
        int plane = gridW * gridH;
        int perAnchor = 5 + classes;
        for (int a = 0; a < anchors.length; a++) {
            int anchorBase = a * perAnchor * plane;
            for (int row = 0; row < gridH; row++) {
                for (int col = 0; col < gridW; col++) {
                    int cell = anchorBase + row * gridW + col;
                    double confidence = sigmoid(out[cell + 4 * plane]);
                    if (confidence < minScore) {
                        continue;
                    }
                    int best = bestClass(out, cell + 5 * plane, plane, classes, NO_SKIP);
                    float bestLogit = out[cell + (5 + best) * plane];
                    double sum = 0;
                    for (int k = 0; k < classes; k++) {
                        sum += Math.exp(out[cell + (5 + k) * plane] - bestLogit);
                    }
                    double score = confidence / sum;
                    if (score < minScore) {
                        continue;
                    }
                    double cx = (col + sigmoid(out[cell])) * strideX;
                    double cy = (row + sigmoid(out[cell + plane])) * strideY;
                    double w = anchors[a][0] * Math.exp(out[cell + 2 * plane]) * strideX;
                    double h = anchors[a][1] * Math.exp(out[cell + 3 * plane]) * strideY;
                    into.addCentre(cx, cy, w, h, score, best);
                }
            }
        }
    }

    private static double sigmoid(double v) {
        return 1 / (1 + Math.exp(-v));
    }
}
