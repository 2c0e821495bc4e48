package dev.edgevision.trainer.detector.train;

import dev.edgevision.trainer.detector.net.DetectorArchitecture;
import java.util.Arrays;
import java.util.List;

/**
 * Writes the label tensor DL4J's {@code Yolo2OutputLayer} trains against, one example at a time:
 * {@code [4 + classes, gridH, gridW]} where the cell holding a box's centre carries the box's corners
 * in grid units (channels 0 to 3: x1, y1, x2, y2) and a one-hot class vector; other cells are zero.
 * The layer learns one box per cell, so when two centres fall into one cell the larger box is kept;
 * {@link #collisions()} counts the boxes dropped that way.
 */
public final class YoloTargets {
    private final int gridW;
    private final int gridH;
    private final int stride;
    private final int classes;
    private final double[] areaInCell;
    private long collisions;

    public YoloTargets(DetectorArchitecture arch) {
        this.gridW = arch.gridWidth();
        this.gridH = arch.gridHeight();
        this.stride = arch.stride();
        this.classes = arch.classes();
        this.areaInCell = new double[gridW * gridH];
    }

    /** Floats of one example's labels. */
    public int size() {
        return (4 + classes) * gridW * gridH;
    }

    /** Fills one example's labels at {@code offset} (the region is cleared first). */
    public void fill(List<InputEncoder.InputBox> boxes, float[] labels, int offset) {
        int plane = gridW * gridH;
        Arrays.fill(labels, offset, offset + size(), 0f);
        Arrays.fill(areaInCell, 0);
        for (InputEncoder.InputBox b : boxes) {
            double x1 = b.x1() / stride;
            double y1 = b.y1() / stride;
            double x2 = b.x2() / stride;
            double y2 = b.y2() / stride;
            if (x2 <= x1 || y2 <= y1) {
                continue;
            }
            int col = Math.min(gridW - 1, Math.max(0, (int) Math.floor((x1 + x2) / 2)));
            int row = Math.min(gridH - 1, Math.max(0, (int) Math.floor((y1 + y2) / 2)));
            int cell = row * gridW + col;
            double area = (x2 - x1) * (y2 - y1);
            if (areaInCell[cell] > 0) {
                collisions++;
                if (area <= areaInCell[cell]) {
                    continue;
                }
                for (int c = 0; c < classes; c++) {
                    labels[offset + (4 + c) * plane + cell] = 0f;
                }
            }
            areaInCell[cell] = area;
            labels[offset + cell] = (float) x1;
            labels[offset + plane + cell] = (float) y1;
            labels[offset + 2 * plane + cell] = (float) x2;
            labels[offset + 3 * plane + cell] = (float) y2;
            labels[offset + (4 + b.classId()) * plane + cell] = 1f;
        }
    }

    /** Boxes dropped so far because a larger box had its centre in the same cell. */
    public long collisions() {
        return collisions;
    }
}
