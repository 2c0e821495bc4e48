package dev.edgevision.trainer.detector.scenes;

/**
 * Zhang and Suen's thinning: peels ink cells off a grid's strokes, alternately from the
 * south-east and the north-west, until each stroke is one cell wide. A cell goes only if it has
 * two to six ink neighbours and exactly one paper-to-ink step around it, so strokes stay
 * connected, holes stay open and stroke ends stay where they are.
 */
final class Thinning {
    private int[] doomed = new int[0];

    /** Thins the ink of {@code grid} in place. */
    void thin(InkGrid grid) {
        if (doomed.length < grid.width() * grid.height()) {
            doomed = new int[grid.width() * grid.height()];
        }
        while (pass(grid, 0) | pass(grid, 1)) {
            // each pair of passes peels one layer of cells off the strokes
        }
    }

    private boolean pass(InkGrid grid, int side) {
        byte[] cells = grid.cells();
        int w = grid.width();
        int count = 0;
        for (int y = grid.top(); y <= grid.bottom(); y++) {
            for (int x = grid.left(); x <= grid.right(); x++) {
                int i = y * w + x;
                if (cells[i] == 0) {
                    continue;
                }
                int p2 = cells[i - w];
                int p3 = cells[i - w + 1];
                int p4 = cells[i + 1];
                int p5 = cells[i + w + 1];
                int p6 = cells[i + w];
                int p7 = cells[i + w - 1];
                int p8 = cells[i - 1];
                int p9 = cells[i - w - 1];
                int neighbours = p2 + p3 + p4 + p5 + p6 + p7 + p8 + p9;
                if (neighbours < 2 || neighbours > 6) {
                    continue;
                }
                int rises = rise(p2, p3) + rise(p3, p4) + rise(p4, p5) + rise(p5, p6) + rise(p6, p7) + rise(p7, p8)
                        + rise(p8, p9) + rise(p9, p2);
                if (rises != 1) {
                    continue;
                }
                boolean removable = side == 0 ? p2 * p4 * p6 == 0 && p4 * p6 * p8 == 0 : p2 * p4 * p8 == 0 && p2 * p6 * p8 == 0;
                if (removable) {
                    doomed[count++] = i;
                }
            }
        }
        for (int k = 0; k < count; k++) {
            cells[doomed[k]] = 0;
        }
        return count > 0;
    }

    private static int rise(int a, int b) {
        return a == 0 && b == 1 ? 1 : 0;
    }
}
