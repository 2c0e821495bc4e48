package dev.edgevision.core.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgevision.core.frame.Frame;
import dev.edgevision.core.frame.PixelFormat;
import dev.edgevision.core.model.InputSpec;
import dev.edgevision.core.model.Polarity;
import dev.edgevision.core.testing.TestBundles;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImageInputTest {
    static final InputSpec DIGIT = TestBundles.digitManifest().input();

    @Test
    void anImageOfTheInputSizeIsOnlyScaled() {
        Frame image = TestBundles.digitImage(0);
        float[] input = new float[784];
        new ImageInput(DIGIT).fill(image, input, 0);
        for (int i = 0; i < 784; i++) {
            assertEquals((image.data()[i] & 0xFF) / 255f, input[i], 1e-6, "pixel " + i);
        }
    }

    @Test
    void aLargerMarkIsFittedIntoTheMiddleAsMnistWasMade() {
        Frame image = new Frame();
        byte[] data = image.reshape(100, 60, PixelFormat.GRAY8);
        for (int y = 10; y < 50; y++) {
            for (int x = 70; x < 80; x++) {
                data[y * 100 + x] = (byte) 250; // a bright bar far right: white ink on black
            }
        }
        float[] input = new float[784];
        new ImageInput(DIGIT).fill(image, input, 0);
        double mass = 0;
        double mx = 0;
        int rows = 0;
        for (int y = 0; y < 28; y++) {
            boolean inked = false;
            for (int x = 0; x < 28; x++) {
                mass += input[y * 28 + x];
                mx += input[y * 28 + x] * x;
                inked |= input[y * 28 + x] > 0.5;
            }
            rows += inked ? 1 : 0;
        }
        assertEquals(13.5, mx / mass, 1.0, "centred by mass");
        assertEquals(20, rows, 1, "the longer side scaled to 20 pixels");
    }

    @Test
    void stretchModelsResizeTheWholeImage() {
        InputSpec rgb = new InputSpec("x", List.of(-1, 3, 4, 4), "NCHW", "float32", "rgb", List.of(0.0, 1.0),
                List.of(0.0, 0.0, 0.0), List.of(1.0, 1.0, 1.0), Polarity.NATURAL, "stretch");
        Frame image = new Frame();
        byte[] data = image.reshape(8, 8, PixelFormat.BGR24);
        for (int i = 0; i < 64; i++) {
            data[i * 3 + 2] = (byte) 255; // pure red in BGR
        }
        float[] input = new float[48];
        new ImageInput(rgb).fill(image, input, 0);
        assertTrue(allNear(input, 0, 16, 1f), "R plane full");
        assertTrue(allNear(input, 16, 48, 0f), "G and B planes empty");
    }

    private static boolean allNear(float[] values, int from, int to, float expected) {
        for (int i = from; i < to; i++) {
            if (Math.abs(values[i] - expected) > 1e-3) {
                return false;
            }
        }
        return true;
    }
}
