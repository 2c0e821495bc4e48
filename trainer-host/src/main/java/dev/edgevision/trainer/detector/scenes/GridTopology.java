package dev.edgevision.trainer.detector.scenes;

/**
 * Counts the pieces of ink on a binary grid (8-connected) and the holes in them (4-connected
 * background areas that do not reach the grid's border), so a glyph can be thresholded at the
 * level that keeps its loops open. Work arrays grow to the largest grid and are reused.
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
        int areas = 0;
        for (int i = 0; i < n; i++) {
            if (seen[i] == 0) {
                boolean ink = cells[i] != 0;
                flood(cells, width, height, i, ink);
                if (ink) {
                    pieces++;
                } else {
                    areas++;
                }
            }
        }
        holes = areas - 1;
    }

    int pieces() {
        return pieces;
    }

    int holes() {
        return holes;
    }

    private void flood(byte[] cells, int width, int height, int start, boolean ink) {
        int head = 0;
        int tail = 0;
        queue[tail++] = start;
        seen[start] = 1;
        while (head < tail) {
            int i = queue[head++];
            int x = i % width;
            int y = i / width;
            for (int dy = -1; dy <= 1; dy++) {
                for (int dx = -1; dx <= 1; dx++) {
                    boolean diagonal = dx != 0 && dy != 0;
                    int nx = x + dx;
                    int ny = y + dy;
                    if ((dx == 0 && dy == 0) || (diagonal && !ink) || nx < 0 || ny < 0 || nx >= width || ny >= height) {
                        continue;
                    }
                    int j = ny * width + nx;
                    if (seen[j] == 0 && (cells[j] != 0) == ink) {
                        seen[j] = 1;
                        queue[tail++] = j;
                    }
                }
            }
        }
    }
}
