package dev.edgevision.trainer.onnx;

import java.util.ArrayList;
import java.util.List;
import onnx.Onnx.AttributeProto;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;

/**
 * A 2-D {@link SubsamplingLayer} (NCHW) becomes an ONNX MaxPool or AveragePool. Average pooling
 * keeps DL4J's choice of whether padded cells count in the divisor; dilated average pooling has
 * no opset-13 equivalent and is refused.
 */
final class SubsamplingExporter implements LayerExporter {

    @Override
    public GraphValue export(LayerContext layer, GraphValue input) throws OnnxExportException {
        SubsamplingLayer conf = layer.conf(SubsamplingLayer.class);
        Spatial.requireNchw(layer, conf.getCnn2dDataFormat(), input);
        WindowGeometry window = WindowGeometry.resolve(layer, conf.getConvolutionMode(), conf.getKernelSize(),
                conf.getStride(), conf.getPadding(), conf.getDilation(), input.dim(1), input.dim(2));
        PoolingType type = conf.getPoolingType();
        String output;
        if (type == PoolingType.MAX) {
            output = layer.name("maxpool");
            layer.graph().addNode("MaxPool", List.of(input.name()), output, maxAttributes(window));
        } else if (type == PoolingType.AVG) {
            if (window.isDilated()) {
                throw layer.fail("dilated average pooling is not supported (ONNX AveragePool has no dilations before opset 19)");
            }
            output = layer.name("avgpool");
            layer.graph().addNode("AveragePool", List.of(input.name()), output, windowAttributes(window,
                    OnnxGraphBuilder.integer("count_include_pad", conf.isAvgPoolIncludePadInDivisor() ? 1 : 0)));
        } else {
            throw layer.fail("pooling type " + type + " is not supported; supported: MAX, AVG");
        }
        return new GraphValue(output, new long[] {input.dim(0), window.outHeight(), window.outWidth()});
    }

    private static AttributeProto[] maxAttributes(WindowGeometry window) {
        return window.isDilated()
                ? windowAttributes(window, OnnxGraphBuilder.ints("dilations", window.dilations()))
                : windowAttributes(window);
    }

    private static AttributeProto[] windowAttributes(WindowGeometry window, AttributeProto... extra) {
        List<AttributeProto> attributes = new ArrayList<>(List.of(
                OnnxGraphBuilder.ints("kernel_shape", window.kernel()),
                OnnxGraphBuilder.ints("strides", window.strides()),
                OnnxGraphBuilder.ints("pads", window.pads())));
        attributes.addAll(List.of(extra));
        return attributes.toArray(AttributeProto[]::new);
    }
}
