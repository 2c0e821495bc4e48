package dev.edgevision.trainer.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgevision.trainer.detector.net.ClassLoss;
import dev.edgevision.trainer.detector.net.DetectorArchitecture;
import dev.edgevision.trainer.detector.net.DetectorNetwork;
import dev.edgevision.trainer.detector.net.LeakyReluLayer;
import java.util.List;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.schedule.FixedSchedule;

/** The in-place leaky ReLU against DL4J's copying activation layer: same function, same training. */
class InPlaceLeakyReluTest {
    private static final DetectorArchitecture ARCH = new DetectorArchitecture(32, 24, List.of(3, 5, 6), 1,
            List.of(new double[] {1, 1.5}, new double[] {2, 2}), 4);

    @Test
    void trainsExactlyAsDl4jsActivationLayerDoes() {
        MultiLayerNetwork inPlace = network(LeakyReluLayer.IN_PLACE);
        MultiLayerNetwork copying = network(LeakyReluLayer.DL4J);
        assertEquals(copying.params(), inPlace.params(), "same seed, same initial weights");
        DataSet batch = batch();
        for (int step = 0; step < 3; step++) {
            inPlace.fit(batch);
            copying.fit(batch);
            assertEquals(copying.score(), inPlace.score(), 1e-4 * Math.abs(copying.score()), "score after step " + step);
        }
        INDArray difference = inPlace.params().sub(copying.params());
        assertTrue(difference.amaxNumber().doubleValue() < 1e-4,
                "weights after three steps differ by " + difference.amaxNumber());
        assertTrue(inPlace.output(batch.getFeatures()).equalsWithEps(copying.output(batch.getFeatures()), 1e-4));
    }

    @Test
    void leavesTheCallersBatchAlone() {
        MultiLayerNetwork net = network(LeakyReluLayer.IN_PLACE);
        DataSet batch = batch();
        INDArray before = batch.getFeatures().dup();
        net.fit(batch);
        net.output(batch.getFeatures());
        assertEquals(before, batch.getFeatures());
    }

    @Test
    void survivesDl4jsJsonWithItsSlope() {
        MultiLayerConfiguration conf = network(LeakyReluLayer.IN_PLACE).getLayerWiseConfigurations();
        MultiLayerConfiguration read = MultiLayerConfiguration.fromJson(conf.toJson());
        InPlaceLeakyRelu layer = assertInstanceOf(InPlaceLeakyRelu.class, read.getConf(2).getLayer());
        assertEquals(DetectorArchitecture.LEAKY_SLOPE, layer.alpha(), 1e-12);
    }

    @Test
    void aSlopeOutsideZeroToOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new InPlaceLeakyRelu(0));
        assertThrows(IllegalArgumentException.class, () -> new InPlaceLeakyRelu(-0.1));
    }

    private static MultiLayerNetwork network(LeakyReluLayer activation) {
        return DetectorNetwork.create(ARCH, 11, new FixedSchedule(1e-2), CNN2DFormat.NCHW, ClassLoss.DEFAULT,
                activation);
    }

    private static DataSet batch() {
        Nd4j.getRandom().setSeed(3);
        INDArray input = Nd4j.rand(DataType.FLOAT, 2, 1, ARCH.inputHeight(), ARCH.inputWidth());
        INDArray labels = Nd4j.zeros(DataType.FLOAT, 2, 4 + 4, ARCH.gridHeight(), ARCH.gridWidth());
        float[][] boxes = {{0.2f, 0.4f, 1.6f, 2.5f, 1}, {2.1f, 0.3f, 3.9f, 2.8f, 3}};
        for (int b = 0; b < 2; b++) {
            float[] box = boxes[b];
            int cx = (int) ((box[0] + box[2]) / 2);
            int cy = (int) ((box[1] + box[3]) / 2);
            for (int i = 0; i < 4; i++) {
                labels.putScalar(new int[] {b, i, cy, cx}, box[i]);
            }
            labels.putScalar(new int[] {b, 4 + (int) box[4], cy, cx}, 1f);
        }
        return new DataSet(input, labels);
    }
}
