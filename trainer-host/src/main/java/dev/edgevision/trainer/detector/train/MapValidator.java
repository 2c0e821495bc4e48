package dev.edgevision.trainer.detector.train;

import dev.edgevision.core.detect.decode.Candidates;
import dev.edgevision.core.detect.decode.ClassAwareNms;
import dev.edgevision.core.detect.decode.DecoderException;
import dev.edgevision.core.detect.decode.Decoders;
import dev.edgevision.core.detect.decode.DetectionDecoder;
import dev.edgevision.core.model.ModelManifest;
import dev.edgevision.trainer.detector.eval.DetectionEvaluation;
import dev.edgevision.trainer.detector.eval.DetectionEvaluator;
import dev.edgevision.trainer.detector.eval.ImageResult;
import dev.edgevision.trainer.detector.eval.PredictedBox;
import dev.edgevision.trainer.detector.labels.LabelledBox;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/**
 * Scores a training network on validation batches the way a device would see it: the raw output
 * decoded by the bundle's own {@code yolo2} decoder and class-aware NMS, then COCO-style mAP@0.5
 * against the true boxes the batches carry (model-input pixels).
 */
public final class MapValidator implements DetectorTrainer.Validator {
    /** Least score kept for the precision/recall curve (mAP needs the low-scoring tail too). */
    static final double CURVE_MIN_SCORE = 0.01;

    private final ModelManifest manifest;
    private final DetectionDecoder decoder;
    private final Candidates candidates;
    private final ClassAwareNms nms;
    private final OutputArrayRunner runner;
    private final int stride;

    public MapValidator(ModelManifest manifest, int stride) throws DecoderException {
        this.manifest = manifest;
        this.decoder = Decoders.create(manifest, "validation of " + manifest.name());
        this.candidates = new Candidates(decoder.maxCandidates());
        this.nms = new ClassAwareNms(decoder.maxCandidates(), decoder.settings().iouThreshold(),
                decoder.settings().maxDetections());
        List<Integer> shape = manifest.outputs().get(0).shape();
        int size = 1;
        for (int i = 1; i < shape.size(); i++) {
            size *= shape.get(i);
        }
        this.runner = new OutputArrayRunner(manifest.decoder().output(), size);
        this.stride = stride;
    }

    @Override
    public double meanAveragePrecision(MultiLayerNetwork net, List<DataSet> validation) {
        double map = evaluate(net, validation).meanAveragePrecision();
        return Double.isNaN(map) ? 0 : map;
    }

    /** Full figures on {@code validation}. */
    public DetectionEvaluation evaluate(MultiLayerNetwork net, List<DataSet> validation) {
        List<ImageResult> images = new ArrayList<>();
        for (DataSet batch : validation) {
            INDArray out = rawOutput(net, batch.getFeatures());
            float[] all = out.dup('c').data().asFloat();
            float[] labels = batch.getLabels().dup('c').data().asFloat();
            int n = (int) out.size(0);
            int outSize = all.length / n;
            int labelSize = labels.length / n;
            for (int k = 0; k < n; k++) {
                System.arraycopy(all, k * outSize, runner.array(), 0, outSize);
                images.add(new ImageResult(predictions(), truths(labels, k * labelSize, batch)));
            }
        }
        return DetectionEvaluator.standard().evaluate(images, manifest.labels());
    }

    /**
     * The network's output before its YOLOv2 layer: what the exported graph computes and the decoder
     * reads ({@code net.output} would return the layer's already activated values).
     */
    public static INDArray rawOutput(MultiLayerNetwork net, INDArray features) {
        // DL4J's input preprocessors (the detector's layout swaps) read the batch size from the
        // network's current input, which activateSelectedLayers does not set by itself.
        net.setInput(features);
        try {
            return net.activateSelectedLayers(0, net.getnLayers() - 2, features);
        } finally {
            net.setInput(null);
        }
    }

    private List<PredictedBox> predictions() {
        candidates.clear();
        decoder.decode(runner, CURVE_MIN_SCORE, candidates);
        int kept = nms.select(candidates);
        List<PredictedBox> boxes = new ArrayList<>(kept);
        for (int r = 0; r < kept; r++) {
            int i = nms.kept(r);
            boxes.add(new PredictedBox(manifest.labels().get(candidates.classId(i)), candidates.score(i),
                    candidates.x1(i), candidates.y1(i), candidates.x2(i), candidates.y2(i)));
        }
        return boxes;
    }

    private List<LabelledBox> truths(float[] labels, int offset, DataSet batch) {
        long[] shape = batch.getLabels().shape();
        int classes = (int) shape[1] - 4;
        int plane = (int) (shape[2] * shape[3]);
        List<LabelledBox> boxes = new ArrayList<>();
        for (int cell = 0; cell < plane; cell++) {
            for (int c = 0; c < classes; c++) {
                if (labels[offset + (4 + c) * plane + cell] > 0.5f) {
                    boxes.add(new LabelledBox(manifest.labels().get(c), labels[offset + cell] * stride,
                            labels[offset + plane + cell] * stride, labels[offset + 2 * plane + cell] * stride,
                            labels[offset + 3 * plane + cell] * stride));
                }
            }
        }
        return boxes;
    }
}
