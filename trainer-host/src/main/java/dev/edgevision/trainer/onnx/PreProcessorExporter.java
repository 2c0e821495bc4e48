package dev.edgevision.trainer.onnx;

import java.util.Arrays;
import java.util.List;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor;

/**
 * The input preprocessor DL4J runs in front of a layer, as ONNX nodes.
 *
 * <ul>
 *   <li>{@link CnnToFeedForwardPreProcessor} (NCHW) flattens each {@code [C, H, W]} sample in
 *       row-major C, H, W order, as DL4J does: an ONNX Flatten at axis 1.</li>
 *   <li>{@link FeedForwardToCnnPreProcessor} turns flat rows into {@code [C, H, W]} images, again
 *       row-major. Networks built with {@code InputType.convolutionalFlat} have one at their input;
 *       there the exported graph usually takes NCHW images directly (a flat row of {@code H*W*C}
 *       values and an NCHW image hold the same values in the same order), which needs no node.
 *       A flat input, or a flat tensor further down, is reshaped.</li>
 * </ul>
 */
final class PreProcessorExporter {
    private PreProcessorExporter() {
    }

    /** Emits {@code preProcessor} (null for none) for the layer it feeds. */
    static GraphValue export(LayerContext layer, InputPreProcessor preProcessor, GraphValue input)
            throws OnnxExportException {
        if (preProcessor == null) {
            return input;
        }
        if (preProcessor instanceof CnnToFeedForwardPreProcessor flatten) {
            return flatten(layer, flatten, input);
        }
        if (preProcessor instanceof FeedForwardToCnnPreProcessor unflatten) {
            return unflatten(layer, unflatten, input);
        }
        throw layer.fail("input preprocessor " + preProcessor.getClass().getSimpleName() + " is not supported;"
                + " supported: CnnToFeedForwardPreProcessor, FeedForwardToCnnPreProcessor");
    }

    private static GraphValue flatten(LayerContext layer, CnnToFeedForwardPreProcessor flatten, GraphValue input)
            throws OnnxExportException {
        if (flatten.getFormat() != null && flatten.getFormat() != CNN2DFormat.NCHW) {
            throw layer.fail("input preprocessor CnnToFeedForwardPreProcessor with format " + flatten.getFormat()
                    + " is not supported; only NCHW");
        }
        long[] image = {flatten.getNumChannels(), flatten.getInputHeight(), flatten.getInputWidth()};
        long features = image[0] * image[1] * image[2];
        if (input.rank() == 1 && input.dim(0) == features) {
            return input;
        }
        if (!input.hasShape(image)) {
            throw layer.fail("input preprocessor CnnToFeedForwardPreProcessor expects " + Arrays.toString(image)
                    + " per sample but receives " + input.describeShape());
        }
        String output = layer.name("flatten");
        layer.graph().addNode("Flatten", List.of(input.name()), output, OnnxGraphBuilder.integer("axis", 1));
        return new GraphValue(output, new long[] {features});
    }

    private static GraphValue unflatten(LayerContext layer, FeedForwardToCnnPreProcessor unflatten, GraphValue input)
            throws OnnxExportException {
        long[] image = {unflatten.getNumChannels(), unflatten.getInputHeight(), unflatten.getInputWidth()};
        if (input.hasShape(image)) {
            return input;
        }
        if (input.rank() != 1 || input.dim(0) != image[0] * image[1] * image[2]) {
            throw layer.fail("input preprocessor FeedForwardToCnnPreProcessor makes " + Arrays.toString(image)
                    + " images but receives " + input.describeShape() + " per sample");
        }
        String output = layer.name("reshape");
        String shape = layer.graph().addInt64Initializer(output + ".shape", 0, image[0], image[1], image[2]);
        layer.graph().addNode("Reshape", List.of(input.name(), shape), output);
        return new GraphValue(output, image);
    }
}
