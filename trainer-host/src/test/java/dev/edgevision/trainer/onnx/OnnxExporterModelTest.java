package dev.edgevision.trainer.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgevision.ort.OrtModel;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import onnx.Onnx.GraphProto;
import onnx.Onnx.ModelProto;
import onnx.Onnx.NodeProto;
import onnx.Onnx.TensorProto;
import onnx.Onnx.TensorShapeProto.Dimension;
import onnx.Onnx.ValueInfoProto;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The exported model's header, interface and graph layout. */
class OnnxExporterModelTest {
    private static MultiLayerNetwork lenet;

    @BeforeAll
    static void buildNetwork() {
        lenet = TestNetworks.lenet();
    }

    @Test
    void modelIsIrVersion7WithOpset13() throws Exception {
        ModelProto model = ModelProto.parseFrom(new OnnxExporter().export(lenet, ExportSpec.nchw(1, 28, 28)));

        assertEquals(7, model.getIrVersion());
        assertEquals(1, model.getOpsetImportCount());
        assertEquals("", model.getOpsetImport(0).getDomain());
        assertEquals(13, model.getOpsetImport(0).getVersion());
    }

    @Test
    void inputAndOutputHaveDeclaredNamesAndDynamicBatch() throws Exception {
        GraphProto graph = ModelProto.parseFrom(new OnnxExporter().export(lenet, ExportSpec.nchw(1, 28, 28))).getGraph();

        assertEquals(1, graph.getInputCount());
        assertEquals(1, graph.getOutputCount());
        assertTensor(graph.getInput(0), "input", "batch", 1, 28, 28);
        assertTensor(graph.getOutput(0), "probabilities", "batch", 10);
    }

    @Test
    void customNamesServeAnyBatchSizeInOnnxRuntime() throws Exception {
        ExportSpec spec = ExportSpec.nchw(1, 28, 28).withInputName("image").withOutputName("scores");
        try (OrtModel model = OrtModel.load(new OnnxExporter().export(lenet, spec), 1)) {
            assertEquals("image", model.inputName());
            for (int batch : new int[] {1, 3, 7}) {
                float[] scores = model.run(new float[batch * 28 * 28], new long[] {batch, 1, 28, 28}, "scores");
                assertEquals(batch * 10, scores.length);
            }
        }
    }

    @Test
    void graphIsReadableLayerByLayerWithWeightsAsInitializers() throws Exception {
        GraphProto graph = ModelProto.parseFrom(new OnnxExporter().export(lenet, ExportSpec.nchw(1, 28, 28))).getGraph();

        assertEquals(List.of("Conv", "Relu", "Mul", "Add", "MaxPool", "Conv", "LeakyRelu", "AveragePool", "Flatten",
                        "Gemm", "Mul", "Add", "LeakyRelu", "Gemm", "Relu", "Gemm", "Softmax"),
                graph.getNodeList().stream().map(NodeProto::getOpType).toList());
        assertEquals(List.of("layer0_conv", "layer0_relu", "layer1_bn_scaled", "layer1_bn", "layer2_maxpool"),
                graph.getNodeList().subList(0, 5).stream().map(node -> node.getOutput(0)).toList());
        assertEquals("layer5_flatten", graph.getNode(8).getOutput(0));
        assertEquals("probabilities", graph.getNode(16).getOutput(0));
        assertTrue(graph.getInitializerList().stream().map(TensorProto::getName).toList()
                .containsAll(List.of("layer0_conv.W", "layer0_conv.b", "layer1_bn.scale", "layer5_dense.W", "layer10_output.b")));
        assertEveryNodeInputIsDefined(graph);
    }

    private static void assertTensor(ValueInfoProto value, String name, String batchParam, long... dims) {
        assertEquals(name, value.getName());
        assertEquals(TensorProto.DataType.FLOAT_VALUE, value.getType().getTensorType().getElemType());
        List<Dimension> shape = value.getType().getTensorType().getShape().getDimList();
        assertEquals(dims.length + 1, shape.size());
        assertEquals(batchParam, shape.get(0).getDimParam());
        for (int i = 0; i < dims.length; i++) {
            assertEquals(dims[i], shape.get(i + 1).getDimValue(), name + " dimension " + (i + 1));
        }
    }

    private static void assertEveryNodeInputIsDefined(GraphProto graph) {
        Set<String> defined = new HashSet<>();
        graph.getInputList().forEach(input -> defined.add(input.getName()));
        graph.getInitializerList().forEach(initializer -> defined.add(initializer.getName()));
        for (NodeProto node : graph.getNodeList()) {
            assertTrue(defined.containsAll(node.getInputList()), node.getName() + " reads undefined " + node.getInputList());
            defined.addAll(node.getOutputList());
        }
    }
}
