package dev.edgevision.core.detect.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ClassAwareNmsTest {
    static int[] survivors(Candidates c, double iou, int max) {
        ClassAwareNms nms = new ClassAwareNms(c.capacity(), iou, max);
        int n = nms.select(c);
        int[] kept = new int[n];
        for (int i = 0; i < n; i++) {
            kept[i] = nms.kept(i);
        }
        return kept;
    }

    @Test
    void overlappingBoxesOfDifferentClassesBothSurvive() {
        Candidates c = new Candidates(4);
        c.add(10, 10, 50, 50, 0.9, 0);
        c.add(12, 12, 52, 52, 0.8, 1);
        assertEquals(2, survivors(c, 0.45, 10).length);
    }

    @Test
    void theWeakerOverlappingBoxOfTheSameClassGoes() {
        Candidates c = new Candidates(4);
        c.add(12, 12, 52, 52, 0.7, 3);
        c.add(10, 10, 50, 50, 0.9, 3);
        c.add(100, 100, 120, 120, 0.5, 3);
        int[] kept = survivors(c, 0.45, 10);
        assertEquals(2, kept.length);
        assertEquals(1, kept[0], "best score first");
        assertEquals(2, kept[1], "the distant box of the same class stays");
    }

    @Test
    void overlapAtOrBelowTheThresholdIsKept() {
        Candidates c = new Candidates(2);
        c.add(0, 0, 10, 10, 0.9, 0);
        c.add(5, 0, 15, 10, 0.8, 0);
        // intersection 50, union 150: IoU 1/3
        assertEquals(2, survivors(c, 0.34, 10).length);
        assertEquals(1, survivors(c, 0.33, 10).length);
    }

    @Test
    void stopsAtTheMostDetectionsAllowed() {
        Candidates c = new Candidates(5);
        for (int i = 0; i < 5; i++) {
            c.add(i * 20, 0, i * 20 + 10, 10, 0.1 * (i + 1), 0);
        }
        int[] kept = survivors(c, 0.45, 3);
        assertEquals(3, kept.length);
        assertEquals(4, kept[0]);
        assertEquals(3, kept[1]);
        assertEquals(2, kept[2]);
    }

    @Test
    void reusedAcrossFramesItForgetsThePreviousOne() {
        Candidates c = new Candidates(3);
        ClassAwareNms nms = new ClassAwareNms(3, 0.5, 10);
        c.add(0, 0, 10, 10, 0.9, 0);
        c.add(0, 0, 10, 10, 0.8, 0);
        assertEquals(1, nms.select(c));
        c.clear();
        c.add(0, 0, 10, 10, 0.6, 1);
        assertEquals(1, nms.select(c));
        assertEquals(0, nms.kept(0));
        assertEquals(1, c.classId(nms.kept(0)));
    }
}
