package dev.edgevision.trainer.classifier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgevision.core.idx.DigitSet;
import dev.edgevision.core.idx.IdxFixtures;
import dev.edgevision.core.idx.IdxFolder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The reject class's examples: marks the device's region finder cuts from generated pages, clear of every digit. */
class RejectMarksTest {
    static DigitSet digits;

    @BeforeAll
    static void digits() throws Exception {
        digits = IdxFolder.scan(IdxFixtures.bundledDataset()).train().read();
    }

    @Test
    void marksAreInkedMnistStyleCropsOfTheRejectClassAndTheSameForASeed() {
        List<Integer> progress = new ArrayList<>();
        DigitSet marks = new RejectMarks(digits).make(40, 7, progress::add);
        assertEquals(40, marks.size());
        assertEquals(28, marks.rows());
        assertEquals(10, RejectMarks.CLASS_ID);
        for (int i = 0; i < marks.size(); i++) {
            assertEquals(RejectMarks.CLASS_ID, marks.label(i));
            int border = 0;
            int max = 0;
            for (int y = 0; y < 28; y++) {
                for (int x = 0; x < 28; x++) {
                    int v = marks.pixel(i, y, x);
                    max = Math.max(max, v);
                    border += (x < 2 || y < 2 || x > 25 || y > 25) && v > 128 ? 1 : 0;
                }
            }
            // A thin mark shrunk into the 20-pixel box (a long ruled stroke) may stay faint, as on the device.
            assertTrue(max >= 64, "mark " + i + " has ink (light on black, as MNIST): brightest " + max);
            assertTrue(border <= 8, "mark " + i + " is fitted inside the 20-pixel box as the device fits it: " + border);
        }
        assertTrue(progress.size() >= 2 && progress.get(progress.size() - 1) == 40,
                "progress per page up to the count: " + progress);
        DigitSet again = new RejectMarks(digits).make(40, 7, n -> { });
        for (int i = 0; i < 40; i++) {
            assertArrayEquals(marks.image(i), again.image(i), "the same seed cuts the same marks");
        }
    }

    @Test
    void aCountBelowOneIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RejectMarks(digits).make(0, 1, n -> { }));
        assertTrue(e.getMessage().contains("at least 1"), e.getMessage());
    }
}
