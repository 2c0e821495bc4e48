package dev.edgevision.core.idx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DigitSetInkBoundsTest {
    @Test
    void boxIsTightAroundPixelsAtOrAboveTheThresholdAndEmptyWithoutInk() {
        byte[] pixels = new byte[2 * 5 * 6];
        pixels[1 * 6 + 2] = (byte) 200;
        pixels[3 * 6 + 4] = (byte) 60;
        pixels[4 * 6 + 0] = (byte) 30; // below the threshold
        DigitSet set = new DigitSet(pixels, new byte[] {1, 2}, 5, 6, "test");
        assertArrayEquals(new int[] {2, 1, 4, 3}, set.inkBounds(0, 50));
        assertArrayEquals(new int[] {0, 1, 4, 4}, set.inkBounds(0, 30));
        assertEquals(-1, set.inkBounds(1, 50)[2], "a blank image has no ink");
    }
}
