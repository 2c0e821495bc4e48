package dev.edgevision.trainer.bundle;

import dev.edgevision.core.detect.decode.DecoderSettings;
import dev.edgevision.core.model.DecoderSpec;
import dev.edgevision.core.model.InputSpec;
import dev.edgevision.core.model.OutputSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Declares a foreign detector's outputs and decoder for its manifest: the outputs the decoder reads
 * with their concrete shapes (from a run on zeros), a check that the model's class count is the
 * labels' count, and the decoder parameters the options and the shapes give.
 */
final class ForeignDecoder {
    /** The manifest's outputs and decoder. */
    record Declaration(List<OutputSpec> outputs, DecoderSpec decoder) {
    }

    private ForeignDecoder() {
    }

    static Declaration declare(OnnxSignature graph, InputSpec input, List<String> labels, ForeignDetectorOptions o)
            throws ForeignModelException {
        boolean ssd = o.decoder().equals("ssd");
        List<OnnxSignature.Tensor> read = ssd ? ForeignOutputs.ssd(graph, o) : List.of(ForeignOutputs.single(graph, o));
        List<Integer> probeShape = new ArrayList<>(input.shape());
        probeShape.set(0, 1);
        LinkedHashSet<String> names = new LinkedHashSet<>();
        read.forEach(t -> names.add(t.name()));
        Map<String, long[]> probed = graph.probe(probeShape.stream().mapToLong(Integer::longValue).toArray(), names);
        List<OutputSpec> outputs = new ArrayList<>();
        for (OnnxSignature.Tensor t : read) {
            long[] dims = probed.get(t.name());
            List<Integer> shape = new ArrayList<>();
            shape.add(t.shape()[0] > 0 ? (int) t.shape()[0] : -1);
            for (int i = 1; i < dims.length; i++) {
                shape.add((int) dims[i]);
            }
            outputs.add(new OutputSpec(t.name(), List.copyOf(shape)));
        }
        checkClassCount(o, outputs, labels.size());
        Map<String, Object> parameters = new LinkedHashMap<>();
        common(parameters, o);
        if (ssd) {
            parameters.put("boxes_output", outputs.get(0).name());
            parameters.put("scores_output", outputs.get(1).name());
            parameters.put("box_format", o.boxFormat() == null ? "xyxy" : o.boxFormat());
            parameters.put("normalized", o.normalized() == null || o.normalized());
            parameters.put("background_class", o.backgroundClass() == null ? -1 : o.backgroundClass());
        } else if (o.decoder().equals("yolo2")) {
            List<Integer> shape = outputs.get(0).shape();
            parameters.put("anchors", o.anchors());
            parameters.put("grid", List.of(shape.get(3), shape.get(2)));
            parameters.put("stride", List.of((double) input.width() / shape.get(3), (double) input.height() / shape.get(2)));
        }
        return new Declaration(outputs, new DecoderSpec(o.decoder(), outputs.get(0).name(), parameters));
    }

    /** The thresholds, written out even when defaulted so the manifest says what a device will do. */
    private static void common(Map<String, Object> parameters, ForeignDetectorOptions o) {
        parameters.put("score_threshold", o.scoreThreshold() != null ? o.scoreThreshold()
                : DecoderSettings.DEFAULT_SCORE_THRESHOLD);
        parameters.put("iou_threshold", o.iouThreshold() != null ? o.iouThreshold() : DecoderSettings.DEFAULT_IOU_THRESHOLD);
        parameters.put("max_detections", o.maxDetections() != null ? o.maxDetections()
                : DecoderSettings.DEFAULT_MAX_DETECTIONS);
    }

    /** The class count the output shape implies for the decoder must be the labels' count. */
    private static void checkClassCount(ForeignDetectorOptions o, List<OutputSpec> outputs, int labels)
            throws ForeignModelException {
        OutputSpec out = o.decoder().equals("ssd") ? outputs.get(1) : outputs.get(0);
        List<Integer> s = out.shape();
        if (s.size() != (o.decoder().equals("yolo2") ? 4 : 3)) {
            return; // a shape of the wrong rank: the decoder's own check names it
        }
        int classes;
        String how;
        switch (o.decoder()) {
            case "yolov8" -> {
                int small = Math.min(s.get(1), s.get(2));
                int values = s.get(1) == labels + 4 || s.get(2) == labels + 4 ? labels + 4
                        : small > 4 ? small : Math.max(s.get(1), s.get(2));
                classes = values - 4;
                how = values + " = 4 box values + " + classes + " class scores";
            }
            case "yolov5" -> {
                classes = s.get(2) - 5;
                how = s.get(2) + " = 4 box values + objectness + " + classes + " class scores";
            }
            case "ssd" -> {
                boolean background = o.backgroundClass() != null && o.backgroundClass() >= 0;
                classes = s.get(2) - (background ? 1 : 0);
                how = s.get(2) + " score columns" + (background ? " including the background" : "");
            }
            default -> {
                if (o.anchors() == null || o.anchors().isEmpty()) {
                    throw new ForeignModelException("--anchors is required for decoder yolo2: the anchor sizes in grid"
                            + " units the model was trained with, e.g. --anchors 1.5,2;3,3.5");
                }
                int a = o.anchors().size();
                classes = s.get(1) % a == 0 ? s.get(1) / a - 5 : 0;
                how = s.get(1) + " channels = " + a + " anchors x (5 + classes)";
            }
        }
        if (classes < 1) {
            return; // no class count fits the shape at all: the decoder's own check names the shape expected
        }
        if (classes != labels) {
            throw new ForeignModelException(o.labels() + " lists " + labels + " class names but " + o.onnx()
                    + " output '" + out.name() + "' " + Arrays.toString(s.toArray()) + " holds "
                    + classes + " classes for decoder "
                    + o.decoder() + " (" + how + "); give the labels the model was trained with, one per line,"
                    + " or the decoder it was exported for");
        }
    }
}
