package dev.edgevision.trainer.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgevision.ort.OrtModel;
import dev.edgevision.trainer.classifier.ClassifierShape;
import dev.edgevision.trainer.classifier.DigitClassifierNetwork;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.linalg.schedule.StepSchedule;

/** The exported graph, run by ONNX Runtime, computes what DL4J computes at inference. */
class OnnxExporterParityTest {
    private static final int BATCH = 128;
    private static final double TOLERANCE = 1e-4;

    @Test
    void lenetProbabilitiesMatchDl4j() throws Exception {
        MultiLayerNetwork net = TestNetworks.lenet();
        TestNetworks.trainOnBars(net);
        assertBatchNormStatisticsMoved(net, 1);
        assertBatchNormStatisticsMoved(net, 6);

        INDArray x = Nd4j.concat(0, TestNetworks.bars(BATCH / 2).getFeatures(), TestNetworks.inputs(BATCH / 2, 1, 28, 28));
        INDArray barPredictions = net.output(x.get(NDArrayIndex.interval(0, BATCH / 2)), false);
        assertTrue(barPredictions.max(1).meanNumber().doubleValue() > 0.25, "predictions on bars are not confident");
        double difference = maxAbsDifference(net, ExportSpec.nchw(1, 28, 28), x, x.shape());

        assertTrue(difference <= TOLERANCE, "max abs difference " + difference);
    }

    @Test
    void bothClassifierShapesMatchDl4j() throws Exception {
        for (ClassifierShape shape : ClassifierShape.values()) {
            MultiLayerNetwork net = DigitClassifierNetwork.create(3, 4, shape,
                    new StepSchedule(ScheduleType.ITERATION, 1e-2, 1, 100));
            TestNetworks.trainOnBars(net);
            assertBatchNormStatisticsMoved(net, 1);
            INDArray x = Nd4j.concat(0, TestNetworks.bars(32).getFeatures(), TestNetworks.inputs(32, 1, 28, 28));
            double difference = maxAbsDifference(net, ExportSpec.nchw(1, 28, 28), x, x.shape());
            assertTrue(difference <= TOLERANCE, shape + ": max abs difference " + difference);
        }
    }

    @Test
    void convolutionalFlatNetworkTakesNchwImages() throws Exception {
        MultiLayerNetwork net = TestNetworks.flatInput();
        TestNetworks.trainOnNoise(net, new long[] {64, 28 * 28}, 5);
        assertBatchNormStatisticsMoved(net, 3);

        INDArray flat = TestNetworks.inputs(BATCH, 28 * 28);
        double difference = maxAbsDifference(net, ExportSpec.nchw(1, 28, 28), flat, new long[] {BATCH, 1, 28, 28});

        assertTrue(difference <= TOLERANCE, "max abs difference " + difference);
    }

    @Test
    void convolutionalFlatNetworkCanKeepAFlatInput() throws Exception {
        MultiLayerNetwork net = TestNetworks.flatInput();
        INDArray flat = TestNetworks.inputs(16, 28 * 28);
        ExportSpec spec = new ExportSpec("pixels", new long[] {28 * 28}, "scores");

        double difference = maxAbsDifference(net, spec, flat, flat.shape());

        assertTrue(difference <= TOLERANCE, "max abs difference " + difference);
    }

    /** Runs {@code x} through DL4J and, shaped {@code onnxShape}, through ONNX Runtime. */
    private static double maxAbsDifference(MultiLayerNetwork net, ExportSpec spec, INDArray x, long[] onnxShape)
            throws Exception {
        float[] expected = net.output(x, false).castTo(DataType.FLOAT).dup('c').data().asFloat();
        byte[] onnx = new OnnxExporter().export(net, spec);
        float[] actual;
        try (OrtModel model = OrtModel.load(onnx, 1)) {
            actual = model.run(x.castTo(DataType.FLOAT).dup('c').data().asFloat(), onnxShape, spec.outputName());
        }
        assertArrayEquals(new int[] {expected.length}, new int[] {actual.length}, "output sizes");
        double max = 0;
        for (int i = 0; i < expected.length; i++) {
            max = Math.max(max, Math.abs(expected[i] - actual[i]));
        }
        System.out.printf("%s: %d outputs, max abs difference %.3g%n", spec, expected.length, max);
        return max;
    }

    private static void assertBatchNormStatisticsMoved(MultiLayerNetwork net, int layer) {
        INDArray mean = net.getLayer(layer).getParam("mean");
        assertTrue(mean.amaxNumber().doubleValue() > 1e-2, "running mean of layer " + layer + " is still ~0: " + mean);
        boolean logStd = net.getLayer(layer).paramTable().containsKey("log10stdev");
        INDArray spread = net.getLayer(layer).getParam(logStd ? "log10stdev" : "var");
        double initial = logStd ? 0 : 1;
        assertTrue(Transforms.abs(spread.sub(initial)).maxNumber().doubleValue() > 1e-2,
                "running variance of layer " + layer + " is still at its initial value: " + spread);
    }
}
