package dev.edgevision.trainer.detector.scenes;

import dev.edgevision.core.idx.DatasetException;
import dev.edgevision.core.idx.DigitSet;
import dev.edgevision.core.idx.IdxFolder;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Digit glyphs for the scene tests: the bundled MNIST sample's test split, and hand-made bars. */
final class TestDigits {
    static final Path MNIST = Path.of("..", "datasets", "mnist-9k");
    private static DigitSet test;

    private TestDigits() {
    }

    static synchronized DigitSet mnistTest() {
        if (test == null) {
            try {
                test = IdxFolder.scan(MNIST).test().orElseThrow().read();
            } catch (DatasetException e) {
                throw new UncheckedIOException(new java.io.IOException(e.getMessage(), e));
            }
        }
        return test;
    }

    /**
     * Two 28x28 glyphs: a vertical bar labelled 1 and a flat rectangle outline (20 wide, 8 tall)
     * labelled 7, so a box's shape tells which glyph was drawn in it.
     */
    static DigitSet barAndBox() {
        byte[] pixels = new byte[2 * 28 * 28];
        bar(pixels);
        int box = 28 * 28;
        for (int x = 4; x < 24; x++) {
            for (int t = 0; t < 2; t++) {
                pixels[box + (10 + t) * 28 + x] = (byte) 255;
                pixels[box + (16 + t) * 28 + x] = (byte) 255;
            }
        }
        for (int y = 10; y < 18; y++) {
            for (int t = 0; t < 2; t++) {
                pixels[box + y * 28 + 4 + t] = (byte) 255;
                pixels[box + y * 28 + 22 + t] = (byte) 255;
            }
        }
        return new DigitSet(pixels, new byte[] {1, 7}, 28, 28, "bar and box");
    }

    /** One glyph: a vertical bar 20 pixels long, labelled 1. */
    static DigitSet bar() {
        byte[] pixels = new byte[28 * 28];
        bar(pixels);
        return new DigitSet(pixels, new byte[] {1}, 28, 28, "bar");
    }

    private static void bar(byte[] pixels) {
        for (int y = 4; y < 24; y++) {
            pixels[y * 28 + 13] = (byte) 255;
            pixels[y * 28 + 14] = (byte) 255;
        }
    }
}
