package dev.edgevision.trainer.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import onnx.Onnx.AttributeProto;
import onnx.Onnx.GraphProto;
import onnx.Onnx.ModelProto;
import onnx.Onnx.NodeProto;
import onnx.Onnx.OperatorSetIdProto;
import onnx.Onnx.TensorProto;
import onnx.Onnx.TensorShapeProto;
import onnx.Onnx.TypeProto;
import onnx.Onnx.ValueInfoProto;
import org.nd4j.shade.protobuf.ByteString;

/**
 * Collects the nodes, initializers, input and output of one ONNX graph and assembles the model.
 * Every tensor it declares is float with the symbolic batch dimension first.
 */
final class OnnxGraphBuilder {
    static final long IR_VERSION = 7;
    static final long OPSET = 13;

    private final GraphProto.Builder graph;
    private final List<NodeProto.Builder> nodes = new ArrayList<>();

    OnnxGraphBuilder(String graphName) {
        this.graph = GraphProto.newBuilder().setName(graphName);
    }

    /** Declares the graph input and returns it as the first value to build on. */
    GraphValue addInput(String name, long[] sampleShape) {
        graph.addInput(valueInfo(name, sampleShape));
        return new GraphValue(name, sampleShape);
    }

    /** Adds a float initializer with row-major {@code values}; returns its name. */
    String addInitializer(String name, long[] dims, float[] values) {
        ByteBuffer bytes = ByteBuffer.allocate(Float.BYTES * values.length).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(values);
        graph.addInitializer(tensor(name, dims, TensorProto.DataType.FLOAT_VALUE, bytes));
        return name;
    }

    /** Adds a one-dimensional int64 initializer, as shape operands need; returns its name. */
    String addInt64Initializer(String name, long... values) {
        ByteBuffer bytes = ByteBuffer.allocate(Long.BYTES * values.length).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asLongBuffer().put(values);
        graph.addInitializer(tensor(name, new long[] {values.length}, TensorProto.DataType.INT64_VALUE, bytes));
        return name;
    }

    /** Adds a node whose single output, like the node itself, is called {@code output}. */
    void addNode(String opType, List<String> inputs, String output, AttributeProto... attributes) {
        NodeProto.Builder node = NodeProto.newBuilder().setOpType(opType).setName(output)
                .addAllInput(inputs).addOutput(output);
        for (AttributeProto attribute : attributes) {
            node.addAttribute(attribute);
        }
        nodes.add(node);
    }

    /**
     * Makes {@code last} the graph output under {@code outputName} and assembles the model.
     * The node producing {@code last} has its output renamed; if no node does (the network adds
     * nothing to its input), an Identity node is added.
     */
    ModelProto toModel(GraphValue last, String outputName, String producer, String docString) {
        NodeProto.Builder producerNode = nodes.isEmpty() ? null : nodes.get(nodes.size() - 1);
        if (producerNode != null && producerNode.getOutput(0).equals(last.name())) {
            producerNode.setOutput(0, outputName).setName(outputName);
        } else {
            addNode("Identity", List.of(last.name()), outputName);
        }
        nodes.forEach(graph::addNode);
        graph.addOutput(valueInfo(outputName, last.shape()));
        return ModelProto.newBuilder()
                .setIrVersion(IR_VERSION)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .setProducerName(producer)
                .setDocString(docString)
                .setGraph(graph)
                .build();
    }

    static AttributeProto ints(String name, long... values) {
        AttributeProto.Builder attribute = AttributeProto.newBuilder().setName(name)
                .setType(AttributeProto.AttributeType.INTS);
        for (long value : values) {
            attribute.addInts(value);
        }
        return attribute.build();
    }

    static AttributeProto ints(String name, int... values) {
        return ints(name, Arrays.stream(values).asLongStream().toArray());
    }

    static AttributeProto integer(String name, long value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(value).build();
    }

    static AttributeProto real(String name, float value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.FLOAT).setF(value).build();
    }

    private static TensorProto tensor(String name, long[] dims, int dataType, ByteBuffer littleEndian) {
        TensorProto.Builder tensor = TensorProto.newBuilder().setName(name).setDataType(dataType)
                .setRawData(ByteString.copyFrom(littleEndian.array()));
        for (long dim : dims) {
            tensor.addDims(dim);
        }
        return tensor.build();
    }

    private static ValueInfoProto valueInfo(String name, long[] sampleShape) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        shape.addDimBuilder().setDimParam(ExportSpec.BATCH_DIM);
        for (long dim : sampleShape) {
            shape.addDimBuilder().setDimValue(dim);
        }
        TypeProto.Tensor tensorType = TypeProto.Tensor.newBuilder()
                .setElemType(TensorProto.DataType.FLOAT_VALUE).setShape(shape).build();
        return ValueInfoProto.newBuilder().setName(name)
                .setType(TypeProto.newBuilder().setTensorType(tensorType)).build();
    }
}
