package dev.edgevision.trainer.onnx;

import dev.edgevision.trainer.backend.InPlaceLeakyRelu;
import java.util.Map;
import java.util.stream.Collectors;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.objdetect.Yolo2OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Exports a trained DL4J {@link MultiLayerNetwork} to an ONNX model (IR version {@value #IR_VERSION},
 * opset {@value #OPSET}) for inference with ONNX Runtime or TensorRT.
 *
 * <p>Supported layers (exactly these classes, not their subclasses): {@code ConvolutionLayer} and
 * {@code SubsamplingLayer} (MAX, AVG) in NCHW with Truncate, Strict or Same mode, {@code
 * BatchNormalization} after convolutions or dense layers, {@code DenseLayer}, {@code OutputLayer},
 * {@code ActivationLayer} (and the trainer's {@link InPlaceLeakyRelu}) and {@code DropoutLayer}; activations identity, relu, leakyrelu, sigmoid,
 * tanh and softmax; input preprocessors {@code CnnToFeedForwardPreProcessor} and {@code
 * FeedForwardToCnnPreProcessor}. Dropout, on a layer or as a layer, is the identity at inference and
 * exports to nothing. A {@code Yolo2OutputLayer} exports to nothing too: the graph ends with the raw
 * {@code [batch, anchors * (5 + classes), gridH, gridW]} tensor and the device decodes it as the
 * bundle's {@code yolo2} decoder declares. DL4J ignores a BatchNormalization layer's activation function, and so does the
 * export. Anything else fails with an {@link OnnxExportException} naming the layer.
 *
 * <p>The graph computes what {@code net.output(x, false)} computes. Its input is
 * {@code [batch, ...spec.sampleShape()]}, usually NCHW images. A network built with
 * {@code InputType.convolutionalFlat(h, w, c)} is fed flat rows by DL4J; its export still takes
 * NCHW images, which hold the same values in the same (row-major C, H, W) order, so the input
 * preprocessor becomes no node. Give a flat {@code sampleShape} to keep flat rows instead; the
 * graph then reshapes them. Weights are stored as float32 initializers; tensors are named after their
 * layer, e.g. {@code layer3_conv}.
 */
public final class OnnxExporter {
    public static final long IR_VERSION = OnnxGraphBuilder.IR_VERSION;
    public static final long OPSET = OnnxGraphBuilder.OPSET;
    static final String PRODUCER = "edge-vision trainer-host";

    private static final LayerExporter ACTIVATION = (layer, input) ->
            Activations.apply(layer, layer.conf(ActivationLayer.class).getActivationFn(), input);
    private static final Map<Class<?>, LayerExporter> EXPORTERS = Map.of(
            ConvolutionLayer.class, new ConvolutionExporter(),
            SubsamplingLayer.class, new SubsamplingExporter(),
            BatchNormalization.class, new BatchNormExporter(),
            DenseLayer.class, new DenseExporter(),
            OutputLayer.class, new DenseExporter(),
            ActivationLayer.class, ACTIVATION,
            InPlaceLeakyRelu.class, ACTIVATION,
            DropoutLayer.class, (layer, input) -> input,
            Yolo2OutputLayer.class, (layer, input) -> input);

    /**
     * Translates {@code net} into a serialised ONNX model.
     *
     * @param net an initialised, trained network; it is only read
     * @param spec the input's name and per-sample shape, and the output's name
     * @return the {@code .onnx} file's bytes
     * @throws OnnxExportException if a layer, preprocessor or setting cannot be exported, or the
     *         spec's input shape does not fit the network
     */
    public byte[] export(MultiLayerNetwork net, ExportSpec spec) throws OnnxExportException {
        if (!net.isInitCalled() || net.getLayers() == null) {
            throw new OnnxExportException("the network is not initialised; call init() and train it first");
        }
        OnnxGraphBuilder graph = new OnnxGraphBuilder("edgevision");
        GraphValue value = graph.addInput(spec.inputName(), spec.sampleShape());
        MultiLayerConfiguration configuration = net.getLayerWiseConfigurations();
        Layer[] layers = net.getLayers();
        for (int i = 0; i < layers.length; i++) {
            LayerContext layer = new LayerContext(i, layers[i], graph);
            value = PreProcessorExporter.export(layer, configuration.getInputPreProcess(i), value);
            value = exporterFor(layer).export(layer, value);
        }
        return graph.toModel(value, spec.outputName(), PRODUCER, "exported from a DL4J MultiLayerNetwork of "
                + layers.length + " layers").toByteArray();
    }

    private static LayerExporter exporterFor(LayerContext layer) throws OnnxExportException {
        LayerExporter exporter = EXPORTERS.get(layer.conf().getClass());
        if (exporter == null) {
            throw layer.fail("this layer type is not supported; supported: " + supportedTypes());
        }
        return exporter;
    }

    private static String supportedTypes() {
        return EXPORTERS.keySet().stream().map(Class::getSimpleName).sorted().collect(Collectors.joining(", "));
    }
}
