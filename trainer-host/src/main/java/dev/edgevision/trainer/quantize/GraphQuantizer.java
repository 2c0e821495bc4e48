package dev.edgevision.trainer.quantize;

import java.io.IOException;
import java.util.Map;
import onnx.Onnx.ModelProto;
import org.nd4j.shade.protobuf.InvalidProtocolBufferException;

/**
 * Turns a float ONNX graph into its int8 QDQ form: folds batch normalisation into the
 * convolutions ({@link BatchNormFolding}), measures every activation's range on the calibration
 * inputs ({@link ActivationRanges}: min/max, or percentiles) and inserts the quantisation ({@link QdqRewriter}).
 */
public final class GraphQuantizer {
    private GraphQuantizer() {
    }

    /**
     * @param onnx the float graph's bytes
     * @param sampleShape the input's shape without the batch dimension (e.g. {@code [1, 240, 320]})
     * @param threads ONNX Runtime threads for the calibration pass
     * @return the int8 graph's bytes
     */
    public static byte[] quantize(byte[] onnx, long[] sampleShape, CalibrationInputs inputs, int threads)
            throws QuantizationException, IOException {
        return quantize(onnx, sampleShape, inputs, threads, 100);
    }

    /**
     * As {@link #quantize(byte[], long[], CalibrationInputs, int)}, with activation ranges between the
     * {@code 100 - percentile} and {@code percentile} percentiles (100: min/max).
     */
    public static byte[] quantize(byte[] onnx, long[] sampleShape, CalibrationInputs inputs, int threads,
            double percentile) throws QuantizationException, IOException {
        ModelProto model;
        try {
            model = ModelProto.parseFrom(onnx);
        } catch (InvalidProtocolBufferException e) {
            throw new QuantizationException("the model file is not an ONNX graph: " + e.getMessage(), e);
        }
        ModelProto folded = model.toBuilder().setGraph(BatchNormFolding.fold(model.getGraph())).build();
        QdqRewriter.check(folded);
        Map<String, ActivationRanges.Range> ranges = ActivationRanges.measure(folded,
                QdqRewriter.activations(folded.getGraph()), sampleShape, inputs, threads, percentile);
        return QdqRewriter.rewrite(folded, ranges).toByteArray();
    }
}
