package dev.edgevision.trainer.bundle;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Picks the output(s) a declared decoder reads from a foreign graph: the one named by the options,
 * else the only float output of the decoder's rank; for {@code ssd} the output whose last
 * dimension is 4 (boxes) and the other (scores). Ambiguity and absence are errors naming the file
 * and listing its outputs.
 */
final class ForeignOutputs {
    private ForeignOutputs() {
    }

    /** The output a single-output decoder ({@code yolov5}, {@code yolov8}, {@code yolo2}) reads. */
    static OnnxSignature.Tensor single(OnnxSignature graph, ForeignDetectorOptions o) throws ForeignModelException {
        int rank = o.decoder().equals("yolo2") ? 4 : 3;
        if (o.output() != null) {
            return named(graph, o.onnx(), o.output(), "--output");
        }
        List<OnnxSignature.Tensor> fits = graph.outputs().stream()
                .filter(t -> t.isFloat() && t.shape().length == rank).toList();
        if (fits.size() == 1) {
            return fits.get(0);
        }
        throw new ForeignModelException(o.onnx() + ": " + (fits.isEmpty() ? "has no float output of rank " + rank
                : "has several float outputs of rank " + rank) + " for decoder " + o.decoder() + "; its outputs are "
                + list(graph) + (fits.isEmpty() ? "; declare the decoder the model was exported for"
                : "; name the one to read with --output"));
    }

    /** The boxes and scores outputs of an {@code ssd} decoder, in that order. */
    static List<OnnxSignature.Tensor> ssd(OnnxSignature graph, ForeignDetectorOptions o) throws ForeignModelException {
        if (o.boxesOutput() != null && o.scoresOutput() != null) {
            return List.of(named(graph, o.onnx(), o.boxesOutput(), "--boxes-output"),
                    named(graph, o.onnx(), o.scoresOutput(), "--scores-output"));
        }
        List<OnnxSignature.Tensor> rank3 = graph.outputs().stream()
                .filter(t -> t.isFloat() && t.shape().length == 3).toList();
        List<OnnxSignature.Tensor> boxes = rank3.stream().filter(t -> t.shape()[2] == 4).toList();
        if (rank3.size() == 2 && boxes.size() == 1) {
            OnnxSignature.Tensor box = boxes.get(0);
            OnnxSignature.Tensor scores = rank3.get(0) == box ? rank3.get(1) : rank3.get(0);
            return List.of(o.boxesOutput() != null ? named(graph, o.onnx(), o.boxesOutput(), "--boxes-output") : box,
                    o.scoresOutput() != null ? named(graph, o.onnx(), o.scoresOutput(), "--scores-output") : scores);
        }
        throw new ForeignModelException(o.onnx() + ": cannot tell which outputs are the ssd boxes [N, B, 4] and"
                + " scores [N, B, C]; its outputs are " + list(graph) + "; name them with --boxes-output and"
                + " --scores-output");
    }

    private static OnnxSignature.Tensor named(OnnxSignature graph, Path file, String name, String option)
            throws ForeignModelException {
        OnnxSignature.Tensor t = graph.outputs().stream().filter(x -> x.name().equals(name)).findFirst()
                .orElseThrow(() -> new ForeignModelException(file + ": has no output '" + name + "' (" + option
                        + "); its outputs are " + list(graph)));
        if (!t.isFloat()) {
            throw new ForeignModelException(file + ": output '" + name + "' is " + t.type() + "; decoders read float32"
                    + " outputs");
        }
        return t;
    }

    static String list(OnnxSignature graph) {
        return graph.outputs().stream().map(t -> "'" + t.name() + "' " + t.type() + " " + t.shapeText())
                .collect(Collectors.joining(", "));
    }
}
