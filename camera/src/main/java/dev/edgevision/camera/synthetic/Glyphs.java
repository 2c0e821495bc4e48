package dev.edgevision.camera.synthetic;

import dev.edgevision.core.idx.DatasetException;
import dev.edgevision.core.idx.DigitSet;
import dev.edgevision.core.idx.IdxFolder;
import java.nio.file.Path;

/**
 * Handwritten digit glyphs for the synthetic camera: the test split of an MNIST-format folder
 * (white ink on black, 28x28), with each glyph's ink bounds so it can be scaled by its ink height.
 * The test split keeps the camera's digits apart from the ones a classifier trained on.
 */
public final class Glyphs {
    static final int INK_THRESHOLD = 50;
    private final DigitSet digits;
    private final int[] bounds;

    private Glyphs(DigitSet digits) {
        this.digits = digits;
        this.bounds = new int[digits.size() * 4];
        for (int i = 0; i < digits.size(); i++) {
            measure(i);
        }
    }

    /** Reads the test split ({@code test-*} or {@code t10k-*}) of an MNIST-format folder. */
    public static Glyphs load(Path folder) throws DatasetException {
        IdxFolder idx = IdxFolder.scan(folder);
        IdxFolder.Pair test = idx.test().orElseThrow(() -> new DatasetException(folder,
                "has no test split (test-images-idx3-ubyte[.gz] or t10k-images-idx3-ubyte[.gz]); the synthetic camera"
                        + " draws digits the classifier did not train on"));
        return of(test.read());
    }

    public static Glyphs of(DigitSet digits) {
        if (digits.size() == 0) {
            throw new IllegalArgumentException(digits.origin() + " holds no digits to draw");
        }
        return new Glyphs(digits);
    }

    private void measure(int glyph) {
        int[] ink = digits.inkBounds(glyph, INK_THRESHOLD);
        int x0 = ink[0];
        int y0 = ink[1];
        int x1 = ink[2];
        int y1 = ink[3];
        if (x1 < 0) {
            x0 = 0;
            y0 = 0;
            x1 = digits.cols() - 1;
            y1 = digits.rows() - 1;
        }
        bounds[glyph * 4] = x0;
        bounds[glyph * 4 + 1] = y0;
        bounds[glyph * 4 + 2] = x1;
        bounds[glyph * 4 + 3] = y1;
    }

    public int size() {
        return digits.size();
    }

    public int label(int glyph) {
        return digits.label(glyph);
    }

    int rows() {
        return digits.rows();
    }

    int cols() {
        return digits.cols();
    }

    /** Ink value 0..255 (MNIST polarity: 255 is ink); 0 outside the glyph. */
    int ink(int glyph, int row, int col) {
        if (row < 0 || col < 0 || row >= digits.rows() || col >= digits.cols()) {
            return 0;
        }
        return digits.pixel(glyph, row, col);
    }

    int inkLeft(int glyph) {
        return bounds[glyph * 4];
    }

    int inkTop(int glyph) {
        return bounds[glyph * 4 + 1];
    }

    int inkRight(int glyph) {
        return bounds[glyph * 4 + 2];
    }

    int inkBottom(int glyph) {
        return bounds[glyph * 4 + 3];
    }

    /** Where the glyphs came from, for status and errors. */
    public String origin() {
        return digits.origin();
    }
}
