package dev.edgevision.trainer.quantize;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import onnx.Onnx.GraphProto;
import onnx.Onnx.ModelProto;
import onnx.Onnx.TensorProto;
import onnx.Onnx.TypeProto;
import onnx.Onnx.ValueInfoProto;

/**
 * The smallest and largest value each activation takes over the calibration inputs: the float
 * graph is run in ONNX Runtime with every named tensor made an output.
 */
final class ActivationRanges {
    /** The observed range of one tensor. */
    record Range(float min, float max) {
        Range widen(float lo, float hi) {
            return new Range(Math.min(min, lo), Math.max(max, hi));
        }
    }

    private ActivationRanges() {
    }

    /**
     * @param model the float graph (one input, batch first)
     * @param tensors the tensors to measure
     * @param sampleShape the input's shape without the batch dimension
     */
    static Map<String, Range> measure(ModelProto model, List<String> tensors, long[] sampleShape,
            CalibrationInputs inputs, int threads) throws QuantizationException, IOException {
        if (inputs.count() < 1) {
            throw new QuantizationException("no calibration inputs: the activation ranges come from running the"
                    + " float model on at least one");
        }
        long[] shape = new long[sampleShape.length + 1];
        shape[0] = 1;
        System.arraycopy(sampleShape, 0, shape, 1, sampleShape.length);
        int size = 1;
        for (long d : sampleShape) {
            size *= (int) d;
        }
        Map<String, Range> ranges = new LinkedHashMap<>();
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        String inputName = model.getGraph().getInput(0).getName();
        float[] input = new float[size];
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(Math.max(1, threads));
            try (OrtSession session = env.createSession(withOutputs(model, tensors).toByteArray(), options)) {
                for (int i = 0; i < inputs.count(); i++) {
                    inputs.fill(i, input);
                    try (OnnxTensor tensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(input), shape);
                         OrtSession.Result result = session.run(Map.of(inputName, tensor))) {
                        for (String name : tensors) {
                            OnnxValue value = result.get(name).orElseThrow();
                            record(ranges, name, ((OnnxTensor) value).getFloatBuffer());
                        }
                    }
                }
            }
        } catch (OrtException e) {
            throw new QuantizationException("ONNX Runtime could not run the float graph for calibration: "
                    + e.getMessage(), e);
        }
        return ranges;
    }

    private static void record(Map<String, Range> ranges, String name, FloatBuffer values) {
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        while (values.hasRemaining()) {
            float v = values.get();
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        float min = lo;
        float max = hi;
        ranges.merge(name, new Range(min, max), (a, b) -> a.widen(b.min(), b.max()));
    }

    /** {@code model} with each of {@code tensors} declared a graph output (float, shape left to the runtime). */
    private static ModelProto withOutputs(ModelProto model, List<String> tensors) {
        GraphProto.Builder graph = model.getGraph().toBuilder();
        var declared = graph.getOutputList().stream().map(ValueInfoProto::getName).toList();
        TypeProto floatTensor = TypeProto.newBuilder().setTensorType(TypeProto.Tensor.newBuilder()
                .setElemType(TensorProto.DataType.FLOAT_VALUE)).build();
        for (String name : tensors) {
            if (!declared.contains(name)) {
                graph.addOutput(ValueInfoProto.newBuilder().setName(name).setType(floatTensor));
            }
        }
        return model.toBuilder().setGraph(graph).build();
    }
}
