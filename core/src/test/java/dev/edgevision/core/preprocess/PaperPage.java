package dev.edgevision.core.preprocess;

import dev.edgevision.core.idx.DigitSet;
import java.util.ArrayList;
import java.util.List;

/** Test pages: MNIST digits drawn dark on light paper at known places and sizes. */
public final class PaperPage {
    public final int width;
    public final int height;
    public final byte[] gray;
    public final List<Region> truth = new ArrayList<>();
    public final List<Integer> labels = new ArrayList<>();

    public PaperPage(int width, int height, int paper) {
        this.width = width;
        this.height = height;
        this.gray = new byte[width * height];
        java.util.Arrays.fill(gray, (byte) paper);
    }

    /** Draws digit {@code index} of {@code set} scaled to {@code size} px at (x, y) with ink level {@code ink}. */
    public void draw(DigitSet set, int index, int x, int y, int size, int ink) {
        int minX = Integer.MAX_VALUE;
        int minY = Integer.MAX_VALUE;
        int maxX = -1;
        int maxY = -1;
        for (int ty = 0; ty < size; ty++) {
            for (int tx = 0; tx < size; tx++) {
                int v = set.pixel(index, ty * 28 / size, tx * 28 / size);
                if (v > 40) {
                    int px = x + tx;
                    int py = y + ty;
                    int paper = gray[py * width + px] & 0xFF;
                    gray[py * width + px] = (byte) (paper - (paper - ink) * v / 255);
                    if (v > 128) {
                        minX = Math.min(minX, px);
                        minY = Math.min(minY, py);
                        maxX = Math.max(maxX, px);
                        maxY = Math.max(maxY, py);
                    }
                }
            }
        }
        truth.add(new Region(minX, minY, maxX - minX + 1, maxY - minY + 1));
        labels.add(set.label(index));
    }
}
