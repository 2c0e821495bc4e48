package dev.edgevision.trainer.detector.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.edgevision.trainer.detector.net.DetectorArchitecture;
import java.util.List;
import org.junit.jupiter.api.Test;

class YoloTargetsTest {
    private static final DetectorArchitecture ARCH = new DetectorArchitecture(64, 32, List.of(4, 4, 4),
            List.of(new double[] {1, 1}), 3);

    @Test
    void boxLandsInTheCellOfItsCentreWithCornersInGridUnits() {
        YoloTargets targets = new YoloTargets(ARCH);
        float[] labels = new float[targets.size() + 5];
        targets.fill(List.of(new InputEncoder.InputBox(2, 10, 6, 22, 14)), labels, 5);
        int plane = ARCH.gridWidth() * ARCH.gridHeight(); // 16 x 8 cells of 4 px
        int cell = 2 * ARCH.gridWidth() + 4; // centre (16, 10) px -> column 4, row 2
        assertEquals(2.5f, labels[5 + cell]);
        assertEquals(1.5f, labels[5 + plane + cell]);
        assertEquals(5.5f, labels[5 + 2 * plane + cell]);
        assertEquals(3.5f, labels[5 + 3 * plane + cell]);
        assertEquals(1f, labels[5 + (4 + 2) * plane + cell]);
        assertEquals(0f, labels[5 + 4 * plane + cell]);
        float sum = 0;
        for (int i = 5; i < labels.length; i++) {
            sum += labels[i];
        }
        assertEquals(2.5f + 1.5f + 5.5f + 3.5f + 1f, sum, 1e-5, "nothing else is set");
    }

    @Test
    void theLargerOfTwoBoxesSharingACellIsKeptAndTheOtherCounted() {
        YoloTargets targets = new YoloTargets(ARCH);
        float[] labels = new float[targets.size()];
        targets.fill(List.of(new InputEncoder.InputBox(0, 15, 9, 17, 11),
                new InputEncoder.InputBox(1, 12, 6, 20, 14)), labels, 0);
        int plane = ARCH.gridWidth() * ARCH.gridHeight();
        int cell = 2 * ARCH.gridWidth() + 4;
        assertEquals(0f, labels[4 * plane + cell], "the small box's class is cleared");
        assertEquals(1f, labels[5 * plane + cell]);
        assertEquals(3f, labels[cell]);
        assertEquals(1, targets.collisions());
    }

    @Test
    void refillingClearsThePreviousExample() {
        YoloTargets targets = new YoloTargets(ARCH);
        float[] labels = new float[targets.size()];
        targets.fill(List.of(new InputEncoder.InputBox(0, 1, 1, 7, 7)), labels, 0);
        targets.fill(List.of(), labels, 0);
        for (float v : labels) {
            assertEquals(0f, v);
        }
    }
}
