package dev.edgevision.trainer.onnx;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;

/**
 * A 2-D {@link ConvolutionLayer} (NCHW) becomes an ONNX Conv, followed by its activation.
 * DL4J's weights {@code [outC, inC, kH, kW]} are ONNX's layout already; the bias is optional.
 */
final class ConvolutionExporter implements LayerExporter {

    @Override
    public GraphValue export(LayerContext layer, GraphValue input) throws OnnxExportException {
        ConvolutionLayer conf = layer.conf(ConvolutionLayer.class);
        Spatial.requireNchw(layer, conf.getCnn2dDataFormat(), input);
        if (input.dim(0) != conf.getNIn()) {
            throw layer.fail("expects " + conf.getNIn() + " input channels but receives " + input.describeShape());
        }
        WindowGeometry window = WindowGeometry.resolve(layer, conf.getConvolutionMode(), conf.getKernelSize(),
                conf.getStride(), conf.getPadding(), conf.getDilation(), input.dim(1), input.dim(2));
        String output = layer.name("conv");
        layer.graph().addNode("Conv", inputs(layer, conf, output, input), output,
                OnnxGraphBuilder.ints("kernel_shape", window.kernel()),
                OnnxGraphBuilder.ints("strides", window.strides()),
                OnnxGraphBuilder.ints("pads", window.pads()),
                OnnxGraphBuilder.ints("dilations", window.dilations()),
                OnnxGraphBuilder.integer("group", 1));
        GraphValue conv = new GraphValue(output, new long[] {conf.getNOut(), window.outHeight(), window.outWidth()});
        return Activations.apply(layer, conf.getActivationFn(), conv);
    }

    private static List<String> inputs(LayerContext layer, ConvolutionLayer conf, String node, GraphValue input)
            throws OnnxExportException {
        int[] kernel = conf.getKernelSize();
        long[] weightDims = {conf.getNOut(), conf.getNIn(), kernel[0], kernel[1]};
        List<String> inputs = new ArrayList<>(List.of(input.name(),
                layer.graph().addInitializer(node + ".W", weightDims, layer.param("W", weightDims))));
        if (conf.hasBias()) {
            inputs.add(layer.graph().addInitializer(node + ".b", new long[] {conf.getNOut()}, layer.param("b", conf.getNOut())));
        }
        return inputs;
    }
}
