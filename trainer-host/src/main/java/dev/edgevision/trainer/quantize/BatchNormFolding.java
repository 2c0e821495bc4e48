package dev.edgevision.trainer.quantize;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import onnx.Onnx.GraphProto;
import onnx.Onnx.NodeProto;
import onnx.Onnx.TensorProto;

/**
 * Folds each {@code Conv -> Mul(per-channel constant) -> Add(per-channel constant)}, the exporter's
 * batch normalisation after a convolution, into the Conv's weights and bias: {@code W'[c] = W[c] *
 * s[c]}, {@code b'[c] = b[c] * s[c] + t[c]}. The result computes the same function up to float
 * rounding, and each convolution becomes one integer operator once quantised. A Mul or Add whose
 * operand is not a per-channel constant, or whose input has other consumers, is left as it is.
 */
final class BatchNormFolding {
    private BatchNormFolding() {
    }

    static GraphProto fold(GraphProto graph) {
        Map<String, TensorProto> constants = new HashMap<>();
        graph.getInitializerList().forEach(t -> constants.put(t.getName(), t));
        Map<String, List<NodeProto>> consumers = consumers(graph);
        Set<String> outputs = new HashSet<>();
        graph.getOutputList().forEach(o -> outputs.add(o.getName()));
        Set<NodeProto> folded = new HashSet<>();
        List<NodeProto> nodes = new ArrayList<>();
        List<TensorProto> added = new ArrayList<>();
        for (NodeProto node : graph.getNodeList()) {
            if (folded.contains(node)) {
                continue;
            }
            NodeProto mul = node.getOpType().equals("Conv") ? onlyConsumer(node.getOutput(0), "Mul", consumers, outputs) : null;
            NodeProto add = mul == null ? null : onlyConsumer(mul.getOutput(0), "Add", consumers, outputs);
            TensorProto weights = mul == null ? null : constants.get(node.getInput(1));
            long channels = weights == null ? -1 : weights.getDims(0);
            float[] scale = mul == null ? null : perChannel(mul, node.getOutput(0), constants, channels);
            float[] shift = add == null ? null : perChannel(add, mul.getOutput(0), constants, channels);
            if (scale == null || shift == null) {
                nodes.add(node);
                continue;
            }
            float[] w = Tensors.floats(weights).clone();
            int perChannel = w.length / (int) channels;
            float[] bias = node.getInputCount() > 2 && constants.containsKey(node.getInput(2))
                    ? Tensors.floats(constants.get(node.getInput(2))).clone() : new float[(int) channels];
            for (int c = 0; c < channels; c++) {
                for (int i = 0; i < perChannel; i++) {
                    w[c * perChannel + i] *= scale[c];
                }
                bias[c] = bias[c] * scale[c] + shift[c];
            }
            String wName = node.getName() + ".W_folded";
            String bName = node.getName() + ".b_folded";
            added.add(Tensors.floats(wName, Tensors.dims(weights), w));
            added.add(Tensors.floats(bName, new long[] {channels}, bias));
            nodes.add(node.toBuilder().clearInput().addInput(node.getInput(0)).addInput(wName).addInput(bName)
                    .setOutput(0, add.getOutput(0)).build());
            folded.add(mul);
            folded.add(add);
        }
        GraphProto.Builder result = graph.toBuilder().clearNode().addAllNode(nodes).clearInitializer();
        Set<String> used = new HashSet<>();
        nodes.forEach(n -> used.addAll(n.getInputList()));
        graph.getInitializerList().stream().filter(t -> used.contains(t.getName())).forEach(result::addInitializer);
        added.forEach(result::addInitializer);
        return result.build();
    }

    static Map<String, List<NodeProto>> consumers(GraphProto graph) {
        Map<String, List<NodeProto>> consumers = new HashMap<>();
        for (NodeProto node : graph.getNodeList()) {
            for (String input : node.getInputList()) {
                consumers.computeIfAbsent(input, k -> new ArrayList<>()).add(node);
            }
        }
        return consumers;
    }

    private static NodeProto onlyConsumer(String value, String opType, Map<String, List<NodeProto>> consumers,
            Set<String> outputs) {
        List<NodeProto> users = consumers.getOrDefault(value, List.of());
        if (outputs.contains(value) || users.size() != 1 || !users.get(0).getOpType().equals(opType)) {
            return null;
        }
        return users.get(0);
    }

    /** The constant operand of {@code node} (the other being {@code value}) if it holds one value per channel. */
    private static float[] perChannel(NodeProto node, String value, Map<String, TensorProto> constants, long channels) {
        if (node.getInputCount() != 2) {
            return null;
        }
        String other = node.getInput(0).equals(value) ? node.getInput(1) : node.getInput(0);
        TensorProto constant = constants.get(other);
        if (constant == null || constant.getDataType() != TensorProto.DataType.FLOAT_VALUE) {
            return null;
        }
        long[] dims = Tensors.dims(constant);
        boolean shaped = dims.length == 3 && dims[0] == channels && dims[1] == 1 && dims[2] == 1;
        return shaped ? Tensors.floats(constant) : null;
    }
}
