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

    /** One pass over the calibration inputs: sees every measured tensor of every input. */
    private interface Visitor {
        void visit(String tensor, FloatBuffer values);
    }

    /**
     * @param model the float graph (one input, batch first)
     * @param tensors the tensors to measure
     * @param sampleShape the input's shape without the batch dimension
     * @param percentile 100 for each tensor's min and max; below it, the range between the
     *     {@code 100 - percentile} and {@code percentile} percentiles of its values (a second pass
     *     fills a histogram of {@value #BINS} bins between min and max), which lets rare outliers
     *     saturate instead of coarsening every other value's step
     */
    static Map<String, Range> measure(ModelProto model, List<String> tensors, long[] sampleShape,
            CalibrationInputs inputs, int threads, double percentile) throws QuantizationException, IOException {
        if (inputs.count() < 1) {
            throw new QuantizationException("no calibration inputs: the activation ranges come from running the"
                    + " float model on at least one");
        }
        if (!(percentile > 50 && percentile <= 100)) {
            throw new IllegalArgumentException("percentile must be in (50, 100], got " + percentile);
        }
        Map<String, Range> ranges = new LinkedHashMap<>();
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(Math.max(1, threads));
            try (OrtSession session = env.createSession(withOutputs(model, tensors).toByteArray(), options)) {
                pass(env, session, model, tensors, sampleShape, inputs, (name, values) -> record(ranges, name, values));
                if (percentile == 100) {
                    return ranges;
                }
                Map<String, long[]> histograms = new LinkedHashMap<>();
                tensors.forEach(t -> histograms.put(t, new long[BINS]));
                pass(env, session, model, tensors, sampleShape, inputs,
                        (name, values) -> count(histograms.get(name), ranges.get(name), values));
                Map<String, Range> clipped = new LinkedHashMap<>();
                ranges.forEach((name, r) -> clipped.put(name, clip(histograms.get(name), r, percentile)));
                return clipped;
            }
        } catch (OrtException e) {
            throw new QuantizationException("ONNX Runtime could not run the float graph for calibration: "
                    + e.getMessage(), e);
        }
    }

    static final int BINS = 4096;

    private static void pass(OrtEnvironment env, OrtSession session, ModelProto model, List<String> tensors,
            long[] sampleShape, CalibrationInputs inputs, Visitor visitor) throws OrtException, IOException {
        long[] shape = new long[sampleShape.length + 1];
        shape[0] = 1;
        System.arraycopy(sampleShape, 0, shape, 1, sampleShape.length);
        int size = 1;
        for (long d : sampleShape) {
            size *= (int) d;
        }
        String inputName = model.getGraph().getInput(0).getName();
        float[] input = new float[size];
        for (int i = 0; i < inputs.count(); i++) {
            inputs.fill(i, input);
            try (OnnxTensor tensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(input), shape);
                 OrtSession.Result result = session.run(Map.of(inputName, tensor))) {
                for (String name : tensors) {
                    OnnxValue value = result.get(name).orElseThrow();
                    visitor.visit(name, ((OnnxTensor) value).getFloatBuffer());
                }
            }
        }
    }

    private static void count(long[] histogram, Range range, FloatBuffer values) {
        double width = Math.max(1e-12, range.max() - range.min());
        while (values.hasRemaining()) {
            int bin = (int) ((values.get() - range.min()) / width * (BINS - 1));
            histogram[Math.max(0, Math.min(BINS - 1, bin))]++;
        }
    }

    /** The range between the two percentiles, read off the histogram (bin edges, so never narrower than one bin). */
    static Range clip(long[] histogram, Range range, double percentile) {
        long total = 0;
        for (long c : histogram) {
            total += c;
        }
        double tail = total * (100 - percentile) / 100;
        double width = (range.max() - range.min()) / (BINS - 1);
        int lo = 0;
        long seen = 0;
        while (lo < BINS - 1 && seen + histogram[lo] <= tail) {
            seen += histogram[lo++];
        }
        int hi = BINS - 1;
        seen = 0;
        while (hi > lo && seen + histogram[hi] <= tail) {
            seen += histogram[hi--];
        }
        return new Range((float) (range.min() + lo * width), (float) Math.min(range.max(), range.min() + (hi + 1) * width));
    }

    private static void record(Map<String, Range> ranges, String name, FloatBuffer values) {
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        while (values.hasRemaining()) {
            float v = values.get();
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        ranges.merge(name, new Range(lo, hi), (a, b) -> a.widen(b.min(), b.max()));
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
