package dev.edgevision.trainer.detector.net;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.CnnLossLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.objdetect.Yolo2OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nd4j.linalg.schedule.ISchedule;

/**
 * Builds the DL4J network for a {@link DetectorArchitecture}: 3x3 convolutions without bias, each
 * followed by batch-norm and a leaky ReLU (its own layer: DL4J's batch-norm layer ignores an
 * activation given to it), 2x2 max-pools between stages, a 1x1 convolution with bias, and DL4J's
 * {@link Yolo2OutputLayer}, which applies the sigmoid/exp/softmax decoding inside its loss; the
 * exported graph ends at the 1x1 convolution's raw output. Activations are NCHW: the YOLOv2 layer
 * takes no other layout.
 */
public final class DetectorNetwork {
    private DetectorNetwork() {
    }

    /** The detector, ready to train. */
    public static MultiLayerNetwork create(DetectorArchitecture arch, long seed, ISchedule learningRate) {
        double[][] priors = arch.anchors().toArray(new double[0][]);
        return build(arch, seed, learningRate, new Yolo2OutputLayer.Builder()
                .boundingBoxPriors(Nd4j.create(priors).castTo(DataType.FLOAT)).build());
    }

    /**
     * The same layers with a mean-squared-error loss on the raw output instead of the YOLOv2 loss:
     * what {@code torch_reference_train.py} trains, for comparing training speed layer for layer.
     */
    public static MultiLayerNetwork createWithSquaredErrorLoss(DetectorArchitecture arch, long seed,
            ISchedule learningRate) {
        return build(arch, seed, learningRate, new CnnLossLayer.Builder(LossFunctions.LossFunction.MSE)
                .activation(Activation.IDENTITY).build());
    }

    private static MultiLayerNetwork build(DetectorArchitecture arch, long seed, ISchedule learningRate,
            org.deeplearning4j.nn.conf.layers.Layer head) {
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .updater(new Adam(learningRate))
                .weightInit(WeightInit.RELU)
                .convolutionMode(ConvolutionMode.Same)
                .trainingWorkspaceMode(WorkspaceMode.ENABLED)
                .inferenceWorkspaceMode(WorkspaceMode.ENABLED)
                .list();
        for (int i = 0; i < arch.widths().size(); i++) {
            convBatchNormLeaky(list, arch.widths().get(i));
            if (i < arch.widths().size() - 1) {
                list.layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX)
                        .kernelSize(2, 2).stride(2, 2).build());
            }
        }
        for (int i = 0; i < arch.contextConvs(); i++) {
            convBatchNormLeaky(list, arch.widths().get(arch.widths().size() - 1));
        }
        list.layer(new ConvolutionLayer.Builder(1, 1).nOut(arch.outputChannels()).hasBias(true)
                .weightInit(WeightInit.XAVIER).activation(Activation.IDENTITY).build());
        list.layer(head);
        list.setInputType(InputType.convolutional(arch.inputHeight(), arch.inputWidth(), 1));
        MultiLayerNetwork net = new MultiLayerNetwork(list.build());
        net.init();
        return net;
    }

    private static void convBatchNormLeaky(NeuralNetConfiguration.ListBuilder list, int channels) {
        list.layer(new ConvolutionLayer.Builder(3, 3).nOut(channels).hasBias(false)
                .activation(Activation.IDENTITY).build());
        list.layer(new BatchNormalization.Builder().build());
        list.layer(new ActivationLayer(new ActivationLReLU(DetectorArchitecture.LEAKY_SLOPE)));
    }
}
