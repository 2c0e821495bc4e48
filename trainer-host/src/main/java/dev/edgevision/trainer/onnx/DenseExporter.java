package dev.edgevision.trainer.onnx;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;

/**
 * A {@link DenseLayer} or {@code OutputLayer} becomes an ONNX Gemm {@code x * W + b} (DL4J's
 * {@code W} is {@code [nIn, nOut]}, its bias {@code [1, nOut]}), followed by its activation. The
 * output layer's loss function plays no part at inference.
 */
final class DenseExporter implements LayerExporter {

    @Override
    public GraphValue export(LayerContext layer, GraphValue input) throws OnnxExportException {
        FeedForwardLayer conf = layer.conf(FeedForwardLayer.class);
        if (conf instanceof DenseLayer dense && dense.hasLayerNorm()) {
            throw layer.fail("layer normalisation on a dense layer is not supported");
        }
        if (input.rank() != 1 || input.dim(0) != conf.getNIn()) {
            throw layer.fail("expects " + conf.getNIn() + " input features but receives " + input.describeShape());
        }
        String output = layer.name(conf instanceof BaseOutputLayer ? "output" : "dense");
        List<String> inputs = new ArrayList<>(List.of(input.name(), layer.graph().addInitializer(output + ".W",
                new long[] {conf.getNIn(), conf.getNOut()}, layer.param("W", conf.getNIn(), conf.getNOut()))));
        if (hasBias(conf)) {
            inputs.add(layer.graph().addInitializer(output + ".b", new long[] {conf.getNOut()},
                    layer.param("b", conf.getNOut())));
        }
        layer.graph().addNode("Gemm", inputs, output);
        return Activations.apply(layer, conf.getActivationFn(), new GraphValue(output, new long[] {conf.getNOut()}));
    }

    private static boolean hasBias(FeedForwardLayer conf) {
        return conf instanceof DenseLayer dense ? dense.hasBias() : ((BaseOutputLayer) conf).hasBias();
    }
}
