package dev.edgevision.trainer.detector.net;

import dev.edgevision.trainer.backend.ChannelLayoutSwap;
import org.deeplearning4j.nn.conf.CNN2DFormat;
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
 * followed by batch-norm and a leaky ReLU (its own layer, {@link LeakyReluLayer}: DL4J's batch-norm
 * layer ignores an activation given to it), 2x2 max-pools between stages, a 1x1 convolution with bias, and DL4J's
 * {@link Yolo2OutputLayer}, which applies the sigmoid/exp/softmax decoding inside its loss; the
 * exported graph ends at the 1x1 convolution's raw output. Activations are NCHW: the YOLOv2 layer
 * takes no other layout.
 */
public final class DetectorNetwork {
    /**
     * Layout of the convolution stages in training: channels-first. Channels-last stages (between
     * {@link ChannelLayoutSwap}s) were measured too and trained no faster with DL4J's oneDNN kernels
     * (see trainer-host/README.md); {@code trainer bench-train --layout nhwc} measures them.
     */
    public static final CNN2DFormat TRAINING_LAYOUT = CNN2DFormat.NCHW;

    private DetectorNetwork() {
    }

    /**
     * The detector, ready to train with the {@link ClassLoss#DEFAULT} class loss, its stages in
     * {@link #TRAINING_LAYOUT}.
     */
    public static MultiLayerNetwork create(DetectorArchitecture arch, long seed, ISchedule learningRate) {
        return create(arch, seed, learningRate, ClassLoss.DEFAULT);
    }

    /** The detector, ready to train with {@code classLoss}, its stages in {@link #TRAINING_LAYOUT}. */
    public static MultiLayerNetwork create(DetectorArchitecture arch, long seed, ISchedule learningRate,
            ClassLoss classLoss) {
        return create(arch, seed, learningRate, TRAINING_LAYOUT, classLoss);
    }

    /**
     * The detector with its convolution stages computed in {@code stageLayout}. Input and output
     * are channels-first either way; channels-last stages sit between two {@link ChannelLayoutSwap}s.
     * Both layouts compute the same function with the same parameters.
     */
    public static MultiLayerNetwork create(DetectorArchitecture arch, long seed, ISchedule learningRate,
            CNN2DFormat stageLayout, ClassLoss classLoss) {
        return create(arch, seed, learningRate, stageLayout, classLoss, LeakyReluLayer.IN_PLACE);
    }

    /** As {@link #create(DetectorArchitecture, long, ISchedule, CNN2DFormat, ClassLoss)}, with a choice of activation layer. */
    public static MultiLayerNetwork create(DetectorArchitecture arch, long seed, ISchedule learningRate,
            CNN2DFormat stageLayout, ClassLoss classLoss, LeakyReluLayer activation) {
        double[][] priors = arch.anchors().toArray(new double[0][]);
        return build(arch, seed, learningRate, stageLayout, activation, new Yolo2OutputLayer.Builder()
                .boundingBoxPriors(Nd4j.create(priors).castTo(DataType.FLOAT))
                .lossClassPredictions(classLoss.lossFunction()).build());
    }

    /**
     * The same layers with a mean-squared-error loss on the raw output instead of the YOLOv2 loss:
     * what {@code torch_reference_train.py} trains, for comparing training speed layer for layer.
     */
    public static MultiLayerNetwork createWithSquaredErrorLoss(DetectorArchitecture arch, long seed,
            ISchedule learningRate, CNN2DFormat stageLayout, LeakyReluLayer activation) {
        return build(arch, seed, learningRate, stageLayout, activation, new CnnLossLayer.Builder(LossFunctions.LossFunction.MSE)
                .activation(Activation.IDENTITY).build());
    }

    private static MultiLayerNetwork build(DetectorArchitecture arch, long seed, ISchedule learningRate,
            CNN2DFormat stageLayout, LeakyReluLayer activation, org.deeplearning4j.nn.conf.layers.Layer head) {
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .updater(new Adam(learningRate))
                .weightInit(WeightInit.RELU)
                .convolutionMode(ConvolutionMode.Same)
                .trainingWorkspaceMode(WorkspaceMode.ENABLED)
                .inferenceWorkspaceMode(WorkspaceMode.ENABLED)
                .list();
        boolean swapped = stageLayout != CNN2DFormat.NCHW;
        if (swapped) {
            list.inputPreProcessor(0, new ChannelLayoutSwap(CNN2DFormat.NCHW));
        }
        for (int i = 0; i < arch.widths().size(); i++) {
            convBatchNormLeaky(list, arch.widths().get(i), stageLayout, activation);
            if (i < arch.widths().size() - 1) {
                list.layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX)
                        .kernelSize(2, 2).stride(2, 2).dataFormat(stageLayout).build());
            }
        }
        for (int i = 0; i < arch.contextConvs(); i++) {
            convBatchNormLeaky(list, arch.widths().get(arch.widths().size() - 1), stageLayout, activation);
        }
        if (swapped) {
            list.inputPreProcessor(layerCount(arch), new ChannelLayoutSwap(stageLayout));
        }
        list.layer(new ConvolutionLayer.Builder(1, 1).nOut(arch.outputChannels()).hasBias(true)
                .weightInit(WeightInit.XAVIER).activation(Activation.IDENTITY).build());
        list.layer(head);
        list.setInputType(InputType.convolutional(arch.inputHeight(), arch.inputWidth(), 1));
        MultiLayerNetwork net = new MultiLayerNetwork(list.build());
        net.init();
        return net;
    }

    /** Layers before the 1x1 output convolution: three per 3x3 layer, one per pool. */
    private static int layerCount(DetectorArchitecture arch) {
        return 3 * (arch.widths().size() + arch.contextConvs()) + arch.widths().size() - 1;
    }

    private static void convBatchNormLeaky(NeuralNetConfiguration.ListBuilder list, int channels,
            CNN2DFormat layout, LeakyReluLayer activation) {
        list.layer(new ConvolutionLayer.Builder(3, 3).nOut(channels).hasBias(false).dataFormat(layout)
                .activation(Activation.IDENTITY).build());
        list.layer(new BatchNormalization.Builder().dataFormat(layout).build());
        list.layer(activation.layer());
    }
}
