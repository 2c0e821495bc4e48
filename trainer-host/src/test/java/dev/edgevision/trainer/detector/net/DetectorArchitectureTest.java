package dev.edgevision.trainer.detector.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.linalg.schedule.StepSchedule;

/** The architecture's sums (parameters, receptive field) against the network DL4J builds from it. */
class DetectorArchitectureTest {
    private static final ISchedule RATE = new StepSchedule(ScheduleType.ITERATION, 1e-3, 1, 1000);
    private static final List<double[]> ANCHORS = List.of(new double[] {1, 1}, new double[] {2, 2});

    @Test
    void parameterCountMatchesTheBuiltNetwork() {
        for (int context : new int[] {0, 2}) {
            DetectorArchitecture arch = new DetectorArchitecture(64, 48, List.of(4, 6, 8), context, ANCHORS, 3);
            MultiLayerNetwork net = DetectorNetwork.create(arch, 1, RATE);
            // DL4J also stores each batch-norm's running mean and variance among its parameters.
            long batchNormStatistics = 2L * (4 + 6 + 8 + 8L * context);
            assertEquals(net.numParams(), arch.parameters() + batchNormStatistics, "context layers " + context);
        }
    }

    @Test
    void contextLayersWidenWhatACellSees() {
        DetectorArchitecture plain = new DetectorArchitecture(96, 32, List.of(4, 4, 4), 0, ANCHORS, 3);
        DetectorArchitecture wide = new DetectorArchitecture(96, 32, List.of(4, 4, 4), 2, ANCHORS, 3);
        assertEquals(18, plain.receptiveField());
        assertEquals(18 + 2 * 2 * 4, wide.receptiveField());
        assertEquals(wide.multiplyAdds() - plain.multiplyAdds(), 2L * 24 * 8 * 4 * 4 * 9);
        for (DetectorArchitecture arch : List.of(plain, wide)) {
            int reached = columnsReachedByOnePixel(arch);
            int span = reached * arch.stride();
            assertTrue(Math.abs(span - arch.receptiveField()) <= arch.stride(),
                    "one pixel changes " + reached + " columns of cells (" + span + " px) for a receptive field of "
                            + arch.receptiveField() + " px");
        }
    }

    @Test
    void negativeContextLayersAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new DetectorArchitecture(64, 48, List.of(4, 4), -1, ANCHORS, 3));
    }

    /** Output columns whose value changes when one input pixel in the middle changes strongly. */
    private static int columnsReachedByOnePixel(DetectorArchitecture arch) {
        MultiLayerNetwork net = DetectorNetwork.create(arch, 3, RATE);
        int last = net.getLayers().length - 2;
        INDArray base = Nd4j.zeros(1, 1, arch.inputHeight(), arch.inputWidth());
        INDArray before = net.feedForwardToLayer(last, base, false).get(last + 1);
        boolean[] changed = new boolean[arch.gridWidth()];
        for (float poke : new float[] {1000f, -1000f}) {
            INDArray input = base.dup();
            input.putScalar(new int[] {0, 0, arch.inputHeight() / 2, arch.inputWidth() / 2}, poke);
            INDArray after = net.feedForwardToLayer(last, input, false).get(last + 1);
            for (int x = 0; x < arch.gridWidth(); x++) {
                for (int y = 0; y < arch.gridHeight(); y++) {
                    for (int c = 0; c < arch.outputChannels(); c++) {
                        if (Math.abs(after.getDouble(0, c, y, x) - before.getDouble(0, c, y, x)) > 1e-6) {
                            changed[x] = true;
                        }
                    }
                }
            }
        }
        int count = 0;
        for (boolean b : changed) {
            count += b ? 1 : 0;
        }
        return count;
    }
}
