package dev.edgevision.trainer.backend;

import java.util.Collection;
import java.util.Map;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.LeakyReLUBp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * A leaky-ReLU activation layer that works on its input in place. DL4J's own activation layer
 * copies its input before activating it (to keep it for the backward pass) and copies it again in
 * the backward pass: two extra passes over every activation of the network in each step. A leaky
 * ReLU with a positive slope keeps each value's sign, so the gradient can be worked out from the
 * activated values themselves, and nothing needs to be kept: forward is one in-place pass, backward
 * one pass into a fresh gradient buffer.
 *
 * <p>It is only safe where the layer before does not need its own output for its backward pass
 * (convolution and batch-norm need their inputs, not their outputs), and never as a network's first
 * layer, where it would overwrite the caller's input. After a forward pass the layer before's
 * recorded output holds the activated values. The configuration is an
 * {@link ActivationLayer} with an {@link ActivationLReLU}, so DL4J's JSON, the parameter counts and
 * the ONNX export treat it as one.
 */
public final class InPlaceLeakyRelu extends ActivationLayer {
    private static final long serialVersionUID = 1L;

    /** For DL4J's JSON reader. */
    public InPlaceLeakyRelu() {
        this(0.01);
    }

    /** A leaky ReLU with slope {@code alpha} (> 0) on the negative side. */
    public InPlaceLeakyRelu(double alpha) {
        super(new ActivationLReLU(alpha));
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("an in-place leaky ReLU needs a slope in (0, 1), got " + alpha);
        }
    }

    /** The negative side's slope. */
    public double alpha() {
        return ((ActivationLReLU) getActivationFn()).getAlpha();
    }

    @Override
    public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf,
            Collection<TrainingListener> listeners, int layerIndex, INDArray layerParamsView, boolean initializeParams,
            DataType networkDataType) {
        Impl layer = new Impl(conf, networkDataType, alpha());
        layer.setListeners(listeners);
        layer.setIndex(layerIndex);
        layer.setParamsViewArray(layerParamsView);
        Map<String, INDArray> params = initializer().init(conf, layerParamsView, initializeParams);
        layer.setParamTable(params);
        layer.setConf(conf);
        return layer;
    }

    @Override
    public InPlaceLeakyRelu clone() {
        return (InPlaceLeakyRelu) super.clone();
    }

    /** The layer itself. */
    static final class Impl extends org.deeplearning4j.nn.layers.ActivationLayer {
        private final double alpha;

        Impl(NeuralNetConfiguration conf, DataType dataType, double alpha) {
            super(conf, dataType);
            this.alpha = alpha;
        }

        @Override
        public INDArray activate(boolean training, LayerWorkspaceMgr mgr) {
            assertInputSet(false);
            INDArray in = mgr.leverageTo(ArrayType.ACTIVATIONS, input);
            return Transforms.leakyRelu(in, alpha, false);
        }

        @Override
        public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr mgr) {
            assertInputSet(true);
            // input now holds the activated values, whose signs are the pre-activation's.
            INDArray delta = mgr.createUninitialized(ArrayType.ACTIVATION_GRAD, epsilon.dataType(), epsilon.shape(),
                    epsilon.ordering());
            Nd4j.exec(new LeakyReLUBp(input, epsilon, delta, alpha));
            return new Pair<>(new DefaultGradient(), delta);
        }
    }
}
