package dev.edgevision.trainer.detector.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AnchorFitterTest {
    @Test
    void findsTheSizesOfThreeClusters() {
        SplittableRandom random = new SplittableRandom(5);
        double[][] truth = {{0.5, 1.0}, {2.0, 2.0}, {4.0, 1.5}};
        List<double[]> sizes = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            double[] t = truth[i % 3];
            sizes.add(new double[] {t[0] * (0.95 + 0.1 * random.nextDouble()), t[1] * (0.95 + 0.1 * random.nextDouble())});
        }
        List<double[]> anchors = AnchorFitter.fit(sizes, 3, 1);
        assertEquals(3, anchors.size());
        // sorted by area: 0.5x1 (0.5), 4x1.5 (6) is larger than 2x2 (4)
        double[][] expected = {{0.5, 1.0}, {2.0, 2.0}, {4.0, 1.5}};
        for (int i = 0; i < 3; i++) {
            assertEquals(expected[i][0], anchors.get(i)[0], 0.05, "anchor " + i + " width");
            assertEquals(expected[i][1], anchors.get(i)[1], 0.05, "anchor " + i + " height");
        }
        assertTrue(AnchorFitter.meanBestIou(sizes, anchors) > 0.9);
    }

    @Test
    void sameBoxesAndSeedGiveTheSameAnchors() {
        SplittableRandom random = new SplittableRandom(9);
        List<double[]> sizes = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            sizes.add(new double[] {0.3 + random.nextDouble() * 4, 0.3 + random.nextDouble() * 4});
        }
        List<double[]> a = AnchorFitter.fit(sizes, 5, 3);
        List<double[]> b = AnchorFitter.fit(sizes, 5, 3);
        for (int i = 0; i < 5; i++) {
            assertEquals(a.get(i)[0], b.get(i)[0]);
            assertEquals(a.get(i)[1], b.get(i)[1]);
        }
    }

    @Test
    void refusesFewerBoxesThanAnchors() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AnchorFitter.fit(List.of(new double[] {1, 1}), 3, 1));
        assertTrue(e.getMessage().contains("at least 3 boxes"), e.getMessage());
    }
}
