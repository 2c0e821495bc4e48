package dev.edgevision.core.frame;

import java.util.function.IntPredicate;

/**
 * The tight box around the marked pixels of a {@code width x height} raster: ink on a digit image,
 * visible coverage of a rendered glyph, dark pixels of a crop. Pixels are named by their row-major
 * index {@code y * width + x}.
 */
public final class PixelBounds {
    private PixelBounds() {
    }

    /**
     * {@code {left, top, right, bottom}}, inclusive, of the pixels {@code marked} accepts; {@code right}
     * (and {@code bottom}) is -1 when it accepts none.
     */
    public static int[] of(int width, int height, IntPredicate marked) {
        int left = width;
        int top = height;
        int right = -1;
        int bottom = -1;
        for (int y = 0; y < height; y++) {
            int row = y * width;
            for (int x = 0; x < width; x++) {
                if (marked.test(row + x)) {
                    left = Math.min(left, x);
                    right = Math.max(right, x);
                    top = Math.min(top, y);
                    bottom = Math.max(bottom, y);
                }
            }
        }
        return new int[] {left, top, right, bottom};
    }
}
