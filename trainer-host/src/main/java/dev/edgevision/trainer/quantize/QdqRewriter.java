package dev.edgevision.trainer.quantize;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import onnx.Onnx.AttributeProto;
import onnx.Onnx.GraphProto;
import onnx.Onnx.ModelProto;
import onnx.Onnx.NodeProto;
import onnx.Onnx.TensorProto;

/**
 * Rewrites a float graph of Conv, LeakyRelu and MaxPool nodes (batch normalisation already folded)
 * into ONNX's QDQ form, as ONNX Runtime's CPU provider expects it for its integer kernels:
 *
 * <ul>
 * <li>every activation (the graph input and each node's output) passes through QuantizeLinear and
 *     DequantizeLinear with a per-tensor uint8 scale and zero point from its calibrated range,
 *     widened to hold 0 so that zero padding is exact;</li>
 * <li>a MaxPool's output reuses its input's scale and zero point (a maximum never leaves the input's
 *     range), which is what lets ONNX Runtime drop the pair and pool the uint8 values directly;</li>
 * <li>Conv weights are int8, symmetric (zero point 0), with one scale per output channel ({@code
 *     max|W[c]| / 127}), dequantised along axis 0;</li>
 * <li>Conv biases are int32 with scale {@code input scale * weight scale[c]} and zero point 0, the
 *     form QLinearConv adds to its int32 accumulator.</li>
 * </ul>
 *
 * <p>The node that produces the graph output (the detector's 1x1 head) stays float, on the
 * dequantised input: its output holds logits and box offsets spanning tens of units, where one
 * uint8 step moves scores near the reporting threshold, and it is a small share of the work (1 %
 * of the committed detector's multiply-adds). The graph output keeps its name. Opset 13 or later is required (per-axis DequantizeLinear).
 */
final class QdqRewriter {
    static final Set<String> SUPPORTED = Set.of("Conv", "LeakyRelu", "MaxPool");
    private static final int QMAX_WEIGHT = 127;

    /** Per-tensor uint8 quantisation of one activation. */
    record Activation(float scale, int zeroPoint) {
        static Activation of(ActivationRanges.Range range) {
            float lo = Math.min(0f, range.min());
            float hi = Math.max(0f, range.max());
            float scale = hi > lo ? (hi - lo) / 255f : 1f;
            int zero = Math.round(-lo / scale);
            return new Activation(scale, Math.max(0, Math.min(255, zero)));
        }
    }

    private final GraphProto source;
    private final Map<String, ActivationRanges.Range> ranges;
    private final Map<String, TensorProto> constants = new HashMap<>();
    private final Map<String, Activation> quantised = new HashMap<>();
    private final Map<String, String> renamed = new HashMap<>();
    private final List<NodeProto> nodes = new ArrayList<>();
    private final List<TensorProto> initializers = new ArrayList<>();

    private QdqRewriter(GraphProto source, Map<String, ActivationRanges.Range> ranges) {
        this.source = source;
        this.ranges = ranges;
        source.getInitializerList().forEach(t -> constants.put(t.getName(), t));
    }

    /** The names of the tensors whose ranges {@link #rewrite} needs: the input and every node's output. */
    static List<String> activations(GraphProto graph) {
        List<String> names = new ArrayList<>();
        names.add(graph.getInput(0).getName());
        graph.getNodeList().forEach(n -> names.add(n.getOutput(0)));
        return names;
    }

    /** Refuses a graph with nodes other than {@link #SUPPORTED} or without a single input and output. */
    static void check(ModelProto model) throws QuantizationException {
        GraphProto graph = model.getGraph();
        long opset = model.getOpsetImportList().stream().filter(o -> o.getDomain().isEmpty())
                .mapToLong(o -> o.getVersion()).findFirst().orElse(0);
        if (opset < 13) {
            throw new QuantizationException("the graph uses opset " + opset + "; per-channel int8 weights need"
                    + " opset 13 or later (re-export the model with this trainer)");
        }
        if (graph.getInputCount() - initializerInputs(graph) != 1 || graph.getOutputCount() != 1) {
            throw new QuantizationException("the graph has " + graph.getInputCount() + " inputs and "
                    + graph.getOutputCount() + " outputs; the quantiser takes one input and one output");
        }
        for (NodeProto node : graph.getNodeList()) {
            if (!SUPPORTED.contains(node.getOpType()) || node.getOutputCount() != 1) {
                throw new QuantizationException("node '" + node.getName() + "' is a " + node.getOpType()
                        + "; the quantiser handles graphs of " + String.join(", ", SUPPORTED.stream().sorted().toList())
                        + " (after folding batch normalisation), as this trainer's detectors are");
            }
        }
    }

    private static int initializerInputs(GraphProto graph) {
        Set<String> names = new java.util.HashSet<>();
        graph.getInitializerList().forEach(t -> names.add(t.getName()));
        return (int) graph.getInputList().stream().filter(i -> names.contains(i.getName())).count();
    }

    /** The QDQ form of {@code model}, whose graph is {@link #check}ed and whose ranges are measured. */
    static ModelProto rewrite(ModelProto model, Map<String, ActivationRanges.Range> ranges) {
        return new QdqRewriter(model.getGraph(), ranges).build(model);
    }

    private ModelProto build(ModelProto model) {
        String input = source.getInput(0).getName();
        quantise(input, Activation.of(range(input)), input + "_dq");
        String output = source.getOutput(0).getName();
        for (NodeProto node : source.getNodeList()) {
            NodeProto.Builder copy = node.toBuilder().clearInput();
            String x = node.getInput(0);
            copy.addInput(renamed.getOrDefault(x, x));
            String y = node.getOutput(0);
            if (y.equals(output)) {
                // the head stays float: its output is the decoder's logits and box offsets, whose range
                // spans tens of units, where 1/255 of it is a step a score threshold notices
                copy.addAllInput(node.getInputList().subList(1, node.getInputCount()));
                nodes.add(copy.build());
                keepFloat(node);
                continue;
            }
            if (node.getOpType().equals("Conv")) {
                addConvConstants(node, copy, quantised.get(x));
            }
            Activation q = node.getOpType().equals("MaxPool") ? quantised.get(x) : Activation.of(range(y));
            {
                nodes.add(copy.build());
                quantise(y, q, y + "_dq");
            }
        }
        GraphProto.Builder graph = source.toBuilder().clearNode().addAllNode(nodes).clearInitializer()
                .addAllInitializer(initializers).clearValueInfo();
        return model.toBuilder().setGraph(graph).setDocString(model.getDocString()
                + "; int8 QDQ form made by the trainer's quantiser").build();
    }

    /** Carries the float constants of a node that stays float. */
    private void keepFloat(NodeProto node) {
        node.getInputList().stream().skip(1).filter(constants::containsKey).map(constants::get)
                .forEach(initializers::add);
    }

    private ActivationRanges.Range range(String name) {
        ActivationRanges.Range range = ranges.get(name);
        if (range == null) {
            throw new IllegalStateException("no calibrated range for '" + name + "'");
        }
        return range;
    }

    /** Q and DQ after {@code value}; its consumers read {@code dequantised} instead. */
    private void quantise(String value, Activation q, String dequantised) {
        quantiseAs(value, q, dequantised);
        renamed.put(value, dequantised);
    }

    private void quantiseAs(String value, Activation q, String dequantised) {
        String scale = value + "_scale";
        String zero = value + "_zero_point";
        initializers.add(Tensors.floats(scale, new long[0], q.scale()));
        initializers.add(Tensors.uint8(zero, new long[0], new byte[] {(byte) q.zeroPoint()}));
        nodes.add(node("QuantizeLinear", List.of(value, scale, zero), value + "_quantized", null));
        nodes.add(node("DequantizeLinear", List.of(value + "_quantized", scale, zero), dequantised, null));
        quantised.put(value, q);
        quantised.put(dequantised, q);
    }

    private void addConvConstants(NodeProto conv, NodeProto.Builder copy, Activation input) {
        TensorProto weights = constants.get(conv.getInput(1));
        float[] w = Tensors.floats(weights);
        int channels = (int) weights.getDims(0);
        int perChannel = w.length / channels;
        float[] scales = new float[channels];
        byte[] q = new byte[w.length];
        for (int c = 0; c < channels; c++) {
            float amax = 0;
            for (int i = 0; i < perChannel; i++) {
                amax = Math.max(amax, Math.abs(w[c * perChannel + i]));
            }
            scales[c] = amax > 0 ? amax / QMAX_WEIGHT : 1f;
            for (int i = 0; i < perChannel; i++) {
                int v = Math.round(w[c * perChannel + i] / scales[c]);
                q[c * perChannel + i] = (byte) Math.max(-QMAX_WEIGHT, Math.min(QMAX_WEIGHT, v));
            }
        }
        String name = conv.getName() + ".W";
        initializers.add(Tensors.int8(name + "_quantized", Tensors.dims(weights), q));
        initializers.add(Tensors.floats(name + "_scale", new long[] {channels}, scales));
        initializers.add(Tensors.int8(name + "_zero_point", new long[] {channels}, new byte[channels]));
        nodes.add(node("DequantizeLinear", List.of(name + "_quantized", name + "_scale", name + "_zero_point"),
                name + "_dq", axis0()));
        copy.addInput(name + "_dq");
        if (conv.getInputCount() > 2 && !conv.getInput(2).isEmpty()) {
            float[] b = Tensors.floats(constants.get(conv.getInput(2)));
            float[] biasScales = new float[channels];
            int[] qb = new int[channels];
            for (int c = 0; c < channels; c++) {
                biasScales[c] = input.scale() * scales[c];
                qb[c] = (int) Math.max(Integer.MIN_VALUE + 1L, Math.min(Integer.MAX_VALUE,
                        Math.round((double) b[c] / biasScales[c])));
            }
            String bias = conv.getName() + ".b";
            initializers.add(Tensors.int32(bias + "_quantized", new long[] {channels}, qb));
            initializers.add(Tensors.floats(bias + "_scale", new long[] {channels}, biasScales));
            nodes.add(node("DequantizeLinear", List.of(bias + "_quantized", bias + "_scale"), bias + "_dq", axis0()));
            copy.addInput(bias + "_dq");
        }
    }

    private static AttributeProto axis0() {
        return AttributeProto.newBuilder().setName("axis").setType(AttributeProto.AttributeType.INT).setI(0).build();
    }

    private static NodeProto node(String op, List<String> inputs, String output, AttributeProto attribute) {
        NodeProto.Builder node = NodeProto.newBuilder().setOpType(op).setName(op + "_" + output).addAllInput(inputs)
                .addOutput(output);
        if (attribute != null) {
            node.addAttribute(attribute);
        }
        return node.build();
    }
}
