package dev.edgevision.trainer.onnx;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;

/** What the exporter refuses, and that its message says which layer and why. */
class OnnxExporterUnsupportedTest {

    @Test
    void globalPoolingLayerIsRefusedByIndexAndType() {
        MultiLayerNetwork net = TestNetworks.init(TestNetworks.base()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(4).build())
                .layer(new GlobalPoolingLayer())
                .layer(new OutputLayer.Builder().nOut(3).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(8, 8, 1))
                .build());

        assertRefused(net, ExportSpec.nchw(1, 8, 8), "layer 1 (GlobalPoolingLayer): this layer type is not supported");
    }

    @Test
    void lstmIsRefusedByIndexAndType() {
        MultiLayerNetwork net = TestNetworks.init(TestNetworks.base()
                .layer(new LSTM.Builder().nOut(4).build())
                .layer(new RnnOutputLayer.Builder().nOut(2).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.recurrent(3, 5))
                .build());

        assertRefused(net, new ExportSpec("input", new long[] {3, 5}, "probabilities"), "layer 0 (LSTM): this layer type is not supported");
    }

    @Test
    void channelsLastConvolutionIsRefused() {
        MultiLayerNetwork net = TestNetworks.init(TestNetworks.base()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(4).build())
                .layer(new OutputLayer.Builder().nOut(3).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(8, 8, 1, CNN2DFormat.NHWC))
                .build());

        assertRefused(net, ExportSpec.nchw(1, 8, 8), "layer 0 (ConvolutionLayer): data format NHWC is not supported");
    }

    @Test
    void ambiguousLockedGammaBetaIsRefused() {
        MultiLayerNetwork net = TestNetworks.init(TestNetworks.base()
                .layer(new BatchNormalization.Builder().lockGammaBeta(true).gamma(2.0).beta(0.0).build())
                .layer(new OutputLayer.Builder().nOut(3).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.feedForward(6))
                .build());

        assertRefused(net, new ExportSpec("input", new long[] {6}, "probabilities"), "layer 0 (BatchNormalization): lockGammaBeta");
    }

    @Test
    void specThatDoesNotFitTheNetworkIsRefused() {
        assertRefused(TestNetworks.lenet(), ExportSpec.nchw(3, 28, 28),
                "layer 0 (ConvolutionLayer): expects 1 input channels but receives [3, 28, 28]");
    }

    private static void assertRefused(MultiLayerNetwork net, ExportSpec spec, String expectedMessageStart) {
        OnnxExportException refusal = assertThrows(OnnxExportException.class, () -> new OnnxExporter().export(net, spec));
        assertTrue(refusal.getMessage().startsWith(expectedMessageStart), refusal.getMessage());
    }
}
