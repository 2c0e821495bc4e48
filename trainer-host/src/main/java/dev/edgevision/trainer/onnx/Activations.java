package dev.edgevision.trainer.onnx;

import java.util.List;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.activations.impl.ActivationTanH;

/**
 * Emits DL4J activation functions as ONNX nodes: identity (no node), relu, leakyrelu, sigmoid,
 * tanh and softmax (over the class axis of a {@code [batch, classes]} tensor).
 */
final class Activations {
    private Activations() {
    }

    /** Applies {@code function} to {@code input}; an identity returns {@code input} itself. */
    static GraphValue apply(LayerContext layer, IActivation function, GraphValue input) throws OnnxExportException {
        if (function == null || function instanceof ActivationIdentity) {
            return input;
        }
        if (function instanceof ActivationReLU relu) {
            requirePlainRelu(layer, relu);
            return emit(layer, "Relu", "relu", input);
        }
        if (function instanceof ActivationLReLU leaky) {
            return emit(layer, "LeakyRelu", "leakyrelu", input, OnnxGraphBuilder.real("alpha", (float) leaky.getAlpha()));
        }
        if (function instanceof ActivationSigmoid) {
            return emit(layer, "Sigmoid", "sigmoid", input);
        }
        if (function instanceof ActivationTanH) {
            return emit(layer, "Tanh", "tanh", input);
        }
        if (function instanceof ActivationSoftmax) {
            if (input.rank() != 1) {
                throw layer.fail("softmax is only exported over a [batch, classes] tensor, this one is [batch, "
                        + input.describeShape().substring(1));
            }
            return emit(layer, "Softmax", "softmax", input, OnnxGraphBuilder.integer("axis", 1));
        }
        throw layer.fail("activation " + function + " is not supported; supported: identity, relu, leakyrelu,"
                + " sigmoid, tanh, softmax");
    }

    private static void requirePlainRelu(LayerContext layer, ActivationReLU relu) throws OnnxExportException {
        boolean plain = relu.getMax() == null && isZeroOrUnset(relu.getThreshold()) && isZeroOrUnset(relu.getNegativeSlope());
        if (!plain) {
            throw layer.fail("relu with max " + relu.getMax() + ", threshold " + relu.getThreshold()
                    + ", negative slope " + relu.getNegativeSlope() + " is not supported; only the plain max(0, x)");
        }
    }

    private static boolean isZeroOrUnset(Double value) {
        return value == null || value == 0.0;
    }

    private static GraphValue emit(LayerContext layer, String op, String kind, GraphValue input,
                                   onnx.Onnx.AttributeProto... attributes) {
        String output = layer.name(kind);
        layer.graph().addNode(op, List.of(input.name()), output, attributes);
        return new GraphValue(output, input.shape());
    }
}
