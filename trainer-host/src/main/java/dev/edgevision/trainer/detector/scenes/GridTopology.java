package dev.edgevision.trainer.detector.scenes;

/**
 * Counts the pieces of ink on a binary grid (8-connected) and the holes in them (background areas,
 * 4-connected, enclosed by ink), so a glyph can be thresholded at the level that keeps its loops
 * open. Pieces come from a flood over the ink cells; holes from the Euler number, which Gray's
 * bit-quad counts give in one pass over the 2x2 windows (pieces - holes = (Q1 - Q3 - 2 QD) / 4).
 * Work arrays grow to the largest grid and are reused.
 */
final class GridTopology {
    private byte[] seen = new byte[0];
    private int[] queue = new int[0];
    private int pieces;
    private int holes;

    /** Counts pieces and holes of {@code cells} (1 ink, 0 background); the grid's border cells must be background. */
    void count(byte[] cells, int width, int height) {
        int n = width * height;
        if (seen.length < n) {
            seen = new byte[n];
            queue = new int[n];
        }
        java.util.Arrays.fill(seen, 0, n, (byte) 0);
        pieces = 0;
        for (int i = 0; i < n; i++) {
            if (cells[i] != 0 && seen[i] == 0) {
                flood(cells, width, i);
                pieces++;
            }
        }
        holes = pieces - euler(cells, width, height);
    }

    int pieces() {
        return pieces;
    }

    int holes() {
        return holes;
    }

    /** Euler number of the ink with 8-connectivity, from the counts of 2x2 windows by pattern. */
    private static int euler(byte[] cells, int width, int height) {
        int one = 0;
        int three = 0;
        int diagonal = 0;
        for (int y = 0; y + 1 < height; y++) {
            int row = y * width;
            for (int x = 0; x + 1 < width; x++) {
                int a = cells[row + x];
                int b = cells[row + x + 1];
                int c = cells[row + width + x];
                int d = cells[row + width + x + 1];
                int sum = a + b + c + d;
                if (sum == 1) {
                    one++;
                } else if (sum == 3) {
                    three++;
                } else if (sum == 2 && a == d) {
                    diagonal++;
                }
            }
        }
        return (one - three - 2 * diagonal) / 4;
    }

    /** Marks the piece of ink holding cell {@code start} (8-connected); the border keeps it inside the grid. */
    private void flood(byte[] cells, int width, int start) {
        int head = 0;
        int tail = 0;
        queue[tail++] = start;
        seen[start] = 1;
        while (head < tail) {
            int i = queue[head++];
            for (int dy = -width; dy <= width; dy += width) {
                for (int dx = -1; dx <= 1; dx++) {
                    int j = i + dy + dx;
                    if (cells[j] != 0 && seen[j] == 0) {
                        seen[j] = 1;
                        queue[tail++] = j;
                    }
                }
            }
        }
    }
}
