package dev.edgevision.trainer.onnx;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/** Small networks with fixed seeds, and random data to train them on. */
final class TestNetworks {
    static final int CLASSES = 10;

    private TestNetworks() {
    }

    /**
     * LeNet-like, on {@code InputType.convolutional(28, 28, 1)}: conv (Same) + BN + max pool,
     * conv (Truncate, leakyrelu) + average pool (Same, asymmetric padding), dense + BN +
     * leakyrelu + dropout, dense relu, softmax output. BN keeps DL4J's default log10-stdev storage.
     */
    static MultiLayerNetwork lenet() {
        MultiLayerConfiguration conf = base()
                .layer(new ConvolutionLayer.Builder(5, 5).nOut(8).convolutionMode(ConvolutionMode.Same)
                        .activation(Activation.RELU).build())
                .layer(new BatchNormalization.Builder().build())
                .layer(new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(16).convolutionMode(ConvolutionMode.Truncate)
                        .activation(new ActivationLReLU(0.1)).build())
                .layer(new SubsamplingLayer.Builder(PoolingType.AVG).kernelSize(3, 3).stride(2, 2)
                        .convolutionMode(ConvolutionMode.Same).build())
                .layer(new DenseLayer.Builder().nOut(64).activation(Activation.IDENTITY).dropOut(0.8).build())
                .layer(new BatchNormalization.Builder().build())
                .layer(new ActivationLayer(new ActivationLReLU(0.2)))
                .layer(new DropoutLayer(0.5))
                .layer(new DenseLayer.Builder().nOut(32).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunction.MCXENT).nOut(CLASSES).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(28, 28, 1))
                .build();
        return init(conf);
    }

    /**
     * On {@code InputType.convolutionalFlat(28, 28, 1)}: dilated strided conv without bias (Same,
     * asymmetric padding, tanh), padded max pool and padded average pool counting the padding
     * (Truncate), BN storing the variance, dense sigmoid, and an identity (regression) output.
     */
    static MultiLayerNetwork flatInput() {
        MultiLayerConfiguration conf = base()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(6).stride(2, 2).dilation(2, 2).hasBias(false)
                        .convolutionMode(ConvolutionMode.Same).activation(Activation.TANH).build())
                .layer(new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(3, 3).stride(2, 2).padding(1, 1)
                        .convolutionMode(ConvolutionMode.Truncate).build())
                .layer(new SubsamplingLayer.Builder(PoolingType.AVG).kernelSize(2, 2).stride(1, 1).padding(1, 1)
                        .convolutionMode(ConvolutionMode.Truncate).avgPoolIncludePadInDivisor(true).build())
                .layer(new BatchNormalization.Builder().useLogStd(false).build())
                .layer(new DenseLayer.Builder().nOut(20).activation(Activation.SIGMOID).build())
                .layer(new OutputLayer.Builder(LossFunction.MSE).nOut(5).activation(Activation.IDENTITY).build())
                .setInputType(InputType.convolutionalFlat(28, 28, 1))
                .build();
        return init(conf);
    }

    static NeuralNetConfiguration.ListBuilder base() {
        return new NeuralNetConfiguration.Builder()
                .seed(42)
                .updater(new Adam(1e-2))
                .weightInit(WeightInit.XAVIER)
                .list();
    }

    static MultiLayerNetwork init(MultiLayerConfiguration conf) {
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    /** Fits {@code net} for a few iterations on random features and targets. */
    static void trainOnNoise(MultiLayerNetwork net, long[] featureShape, int outputs) {
        Nd4j.getRandom().setSeed(7);
        for (int iteration = 0; iteration < 8; iteration++) {
            INDArray features = Nd4j.rand(featureShape).muli(2).subi(0.5);
            net.fit(new DataSet(features, Nd4j.randn(featureShape[0], outputs)));
        }
    }

    /** Fits {@code net} for a few iterations on {@link #bars} so its predictions get confident. */
    static void trainOnBars(MultiLayerNetwork net) {
        Nd4j.getRandom().setSeed(7);
        for (int iteration = 0; iteration < 12; iteration++) {
            net.fit(bars(32));
        }
    }

    /**
     * 1x28x28 images of class {@code k}: a bright horizontal bar over rows {@code 2k+4 .. 2k+5}
     * on uniform noise in [0, 0.3), with one-hot labels.
     */
    static DataSet bars(int rows) {
        INDArray features = Nd4j.rand(rows, 1, 28, 28).muli(0.3);
        INDArray labels = Nd4j.zeros(rows, CLASSES);
        for (int row = 0; row < rows; row++) {
            int label = Nd4j.getRandom().nextInt(CLASSES);
            labels.putScalar(row, label, 1.0);
            features.get(NDArrayIndex.point(row), NDArrayIndex.all(),
                    NDArrayIndex.interval(2 * label + 4, 2 * label + 6), NDArrayIndex.all()).addi(1.0);
        }
        return new DataSet(features, labels);
    }

    /**
     * {@code rows} inputs: the first half uniform noise in [0, 1), the rest sparse binary images
     * (about a fifth of the pixels on), shaped {@code [rows, ...sampleShape]}.
     */
    static INDArray inputs(int rows, long... sampleShape) {
        Nd4j.getRandom().setSeed(1234);
        long[] shape = new long[sampleShape.length + 1];
        shape[0] = rows;
        System.arraycopy(sampleShape, 0, shape, 1, sampleShape.length);
        INDArray inputs = Nd4j.rand(shape);
        INDArray sparse = inputs.get(NDArrayIndex.interval(rows / 2, rows));
        sparse.assign(Nd4j.rand(sparse.shape()).gt(0.8).castTo(inputs.dataType()));
        return inputs;
    }
}
