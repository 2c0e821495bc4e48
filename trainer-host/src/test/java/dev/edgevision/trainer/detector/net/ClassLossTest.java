package dev.edgevision.trainer.detector.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.layers.IOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.schedule.FixedSchedule;

/** The class loss the output layer trains with: the gradient it gives a found object's class logits. */
class ClassLossTest {
    private static final DetectorArchitecture ARCH = new DetectorArchitecture(8, 8, List.of(4, 4), 0,
            List.of(new double[] {1, 1}), 3);
    private static final int CELL_X = 1;
    private static final int CELL_Y = 2;
    private static final int TRUE_CLASS = 2;

    @Test
    void crossEntropyGivesTheLogitsSoftmaxMinusTheTruth() {
        float[] logits = {1.5f, -0.5f, 0.25f};
        double[] p = softmax(logits);
        double[] gradient = classGradient(ClassLoss.CROSS_ENTROPY, logits);
        for (int c = 0; c < 3; c++) {
            assertEquals(p[c] - (c == TRUE_CLASS ? 1 : 0), gradient[c], 1e-5, "class " + c);
        }
    }

    @Test
    void squaredErrorGivesAConfidentlyWrongClassAWeakerPush() {
        float[] confidentlyWrong = {6f, -2f, -2f};
        double push = -classGradient(ClassLoss.SQUARED_ERROR, confidentlyWrong)[TRUE_CLASS];
        double crossEntropyPush = -classGradient(ClassLoss.CROSS_ENTROPY, confidentlyWrong)[TRUE_CLASS];
        assertTrue(push > 0, "squared error still raises the true class's logit, by " + push);
        assertTrue(crossEntropyPush > 50 * push, "cross-entropy " + crossEntropyPush + " against squared error " + push);
    }

    @Test
    void theDefaultIsCrossEntropy() {
        assertEquals(ClassLoss.CROSS_ENTROPY, ClassLoss.DEFAULT);
    }

    @Test
    void optionNamesParseAndOthersAreRefusedByName() {
        assertEquals(ClassLoss.CROSS_ENTROPY, ClassLoss.parse("xent"));
        assertEquals(ClassLoss.SQUARED_ERROR, ClassLoss.parse(" L2 "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ClassLoss.parse("focal"));
        assertTrue(e.getMessage().contains("--class-loss") && e.getMessage().contains("focal"), e.getMessage());
    }

    /** d(loss)/d(class logit) at the cell that holds one true box, through the network's own output layer. */
    private static double[] classGradient(ClassLoss loss, float[] logits) {
        MultiLayerNetwork net = DetectorNetwork.create(ARCH, 1, new FixedSchedule(1e-3), loss);
        Layer output = net.getOutputLayer();
        int channels = ARCH.outputChannels();
        INDArray raw = Nd4j.zeros(DataType.FLOAT, 1, channels, ARCH.gridHeight(), ARCH.gridWidth());
        for (int c = 0; c < 3; c++) {
            raw.putScalar(new int[] {0, 5 + c, CELL_Y, CELL_X}, logits[c]);
        }
        INDArray labels = Nd4j.zeros(DataType.FLOAT, 1, 4 + 3, ARCH.gridHeight(), ARCH.gridWidth());
        float[] box = {CELL_X + 0.1f, CELL_Y + 0.1f, CELL_X + 0.9f, CELL_Y + 0.9f};
        for (int i = 0; i < 4; i++) {
            labels.putScalar(new int[] {0, i, CELL_Y, CELL_X}, box[i]);
        }
        labels.putScalar(new int[] {0, 4 + TRUE_CLASS, CELL_Y, CELL_X}, 1f);
        LayerWorkspaceMgr workspaces = LayerWorkspaceMgr.noWorkspaces();
        output.setInput(raw, workspaces);
        ((IOutputLayer) output).setLabels(labels);
        INDArray epsilon = output.backpropGradient(null, workspaces).getSecond();
        double[] gradient = new double[3];
        for (int c = 0; c < 3; c++) {
            gradient[c] = epsilon.getDouble(0, 5 + c, CELL_Y, CELL_X);
        }
        return gradient;
    }

    private static double[] softmax(float[] logits) {
        double sum = 0;
        double[] p = new double[logits.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.exp(logits[i]);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }
}
