package dev.edgevision.tensorrt.build;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.edgevision.core.frame.Frame;
import dev.edgevision.core.model.InputSpec;
import dev.edgevision.core.preprocess.ImageInput;
import dev.edgevision.core.testing.TestBundles;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CalibrationBatchesTest {
    static final InputSpec INPUT = TestBundles.digitManifest().input();
    static final List<Frame> TEN = IntStream.range(0, 10).mapToObj(TestBundles::digitImage).toList();

    static float[] expected(int image) {
        float[] sample = new float[784];
        new ImageInput(INPUT).fill(TEN.get(image), sample, 0);
        return sample;
    }

    @Test
    void imagesArePreprocessedAsTheManifestSaysAndServedInFullBatches() {
        CalibrationBatches batches = CalibrationBatches.of(TEN, INPUT, 4);
        assertEquals(3, batches.batches());
        assertEquals(784, batches.sampleSize());
        float[] batch = new float[4 * 784];
        batches.fill(1, batch);
        for (int i = 0; i < 4; i++) {
            assertArrayEquals(expected(4 + i), Arrays.copyOfRange(batch, i * 784, (i + 1) * 784), "sample " + i);
        }
    }

    @Test
    void theLastPartialBatchIsCompletedWithRealImagesFromTheStart() {
        CalibrationBatches batches = CalibrationBatches.of(TEN, INPUT, 4);
        float[] batch = new float[4 * 784];
        batches.fill(2, batch);
        int[] images = {8, 9, 0, 1};
        for (int i = 0; i < 4; i++) {
            assertArrayEquals(expected(images[i]), Arrays.copyOfRange(batch, i * 784, (i + 1) * 784), "sample " + i);
        }
        assertThrows(IndexOutOfBoundsException.class, () -> batches.fill(3, batch));
    }

    @Test
    void aBatchLargerThanTheSetRepeatsItAndNothingIsMadeUp() {
        CalibrationBatches batches = CalibrationBatches.of(TEN.subList(0, 3), INPUT, 8);
        assertEquals(1, batches.batches());
        float[] batch = new float[8 * 784];
        batches.fill(0, batch);
        assertArrayEquals(expected(1), Arrays.copyOfRange(batch, 7 * 784, 8 * 784), "image 7 % 3");
    }

    @Test
    void noImagesIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CalibrationBatches.of(List.of(), INPUT, 8));
        assertEquals("calibration needs at least one image", e.getMessage());
    }
}
