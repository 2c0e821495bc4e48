package dev.edgevision.trainer.classifier;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nd4j.linalg.schedule.ISchedule;

/**
 * The digit classifier: a LeNet-class CNN on 1x28x28 inputs (values 0..1, white ink on black).
 * Two stages of 5x5 convolution without padding (28 to 24, then 12 to 8), each followed by
 * batch-norm, ReLU and 2x2 max-pool, a dense layer with batch-norm and dropout (20 % dropped), and
 * a softmax over ten digits. Unpadded convolutions are LeNet's geometry and, measured on two cores,
 * train DL4J about 1.8 times faster than padded ones of the same width. The {@link ClassifierShape#VGG}
 * shape replaces each 5x5 convolution by two padded 3x3 ones (same channels), which sees the same
 * area with one more non-linearity.
 */
public final class DigitClassifierNetwork {
    /** Side of the square input. */
    public static final int SIDE = 28;
    /** Number of classes. */
    public static final int CLASSES = 10;

    private DigitClassifierNetwork() {
    }

    /** The number of classes {@code net} outputs (the length of its output layer's bias). */
    public static int classesOf(MultiLayerNetwork net) {
        return (int) net.getOutputLayer().getParam("b").length();
    }

    /**
     * Builds and initialises the network.
     *
     * @param seed weight initialisation and dropout seed
     * @param width channels of the first stage (the second has twice as many)
     * @param learningRate the optimiser's learning-rate schedule
     */
    public static MultiLayerNetwork create(long seed, int width, ISchedule learningRate) {
        return create(seed, width, ClassifierShape.LENET, learningRate);
    }

    /**
     * Builds and initialises the network in the given shape.
     *
     * @param seed weight initialisation and dropout seed
     * @param width channels of the first stage (the second has twice as many)
     * @param shape one 5x5 unpadded convolution per stage, or two padded 3x3 ones
     * @param learningRate the optimiser's learning-rate schedule
     */
    public static MultiLayerNetwork create(long seed, int width, ClassifierShape shape, ISchedule learningRate) {
        return create(seed, width, shape, learningRate, CLASSES);
    }

    /** As {@link #create(long, int, ClassifierShape, ISchedule)}, with {@code classes} outputs (11 with a reject class). */
    public static MultiLayerNetwork create(long seed, int width, ClassifierShape shape, ISchedule learningRate,
            int classes) {
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .updater(new Adam(learningRate))
                .weightInit(WeightInit.RELU)
                .l2(5e-5)
                .convolutionMode(ConvolutionMode.Truncate)
                .trainingWorkspaceMode(WorkspaceMode.ENABLED)
                .inferenceWorkspaceMode(WorkspaceMode.ENABLED)
                .list();
        for (int stage = 0; stage < 2; stage++) {
            int channels = width << stage;
            if (shape == ClassifierShape.LENET) {
                convBatchNormRelu(list, conv(5, channels));
            } else {
                convBatchNormRelu(list, paddedConv3(channels));
                convBatchNormRelu(list, paddedConv3(channels));
            }
            list.layer(pool());
        }
        list.layer(new DenseLayer.Builder().nOut(width * 8).hasBias(false).activation(Activation.IDENTITY).build())
                .layer(new BatchNormalization.Builder().build())
                .layer(new ActivationLayer(Activation.RELU))
                .layer(new DropoutLayer(0.8))
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                        .nOut(classes).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(SIDE, SIDE, 1));
        MultiLayerNetwork net = new MultiLayerNetwork(list.build());
        net.init();
        return net;
    }

    private static void convBatchNormRelu(NeuralNetConfiguration.ListBuilder list, ConvolutionLayer conv) {
        list.layer(conv)
                .layer(new BatchNormalization.Builder().build())
                .layer(new ActivationLayer(Activation.RELU));
    }

    private static ConvolutionLayer paddedConv3(int channels) {
        return new ConvolutionLayer.Builder(3, 3).convolutionMode(ConvolutionMode.Same)
                .nOut(channels).hasBias(false).activation(Activation.IDENTITY).build();
    }

    private static ConvolutionLayer conv(int kernel, int channels) {
        return new ConvolutionLayer.Builder(kernel, kernel)
                .nOut(channels).hasBias(false).activation(Activation.IDENTITY).build();
    }

    private static SubsamplingLayer pool() {
        return new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX)
                .kernelSize(2, 2).stride(2, 2).build();
    }
}
