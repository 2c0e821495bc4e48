package dev.edgevision.trainer.detector.scenes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GridTopologyTest {
    /** Parses rows of '#' (ink) and '.' (paper) into a grid with an empty border. */
    private static int[] count(String... rows) {
        int w = rows[0].length() + 2;
        int h = rows.length + 2;
        byte[] cells = new byte[w * h];
        for (int y = 0; y < rows.length; y++) {
            for (int x = 0; x < rows[y].length(); x++) {
                cells[(y + 1) * w + x + 1] = (byte) (rows[y].charAt(x) == '#' ? 1 : 0);
            }
        }
        GridTopology topology = new GridTopology();
        topology.count(cells, w, h);
        return new int[] {topology.pieces(), topology.holes()};
    }

    @Test
    void countsPiecesAndHoles() {
        assertEquals(1, count("###", "#.#", "###")[1], "a ring has one hole");
        assertEquals(2, count("###", "#.#", "###", "#.#", "###")[1], "an 8 has two");
        assertEquals(0, count("###", "###", "###")[1], "a filled block has none");
        int[] dots = count("#...#", ".....", "..#..");
        assertEquals(3, dots[0], "three separate dots");
        assertEquals(0, dots[1]);
        int[] diamond = count(".#.", "#.#", ".#.");
        assertEquals(1, diamond[0], "ink touching at corners is one piece");
        assertEquals(1, diamond[1], "and encloses its centre");
        int[] open = count("###", "#..", "###");
        assertEquals(0, open[1], "a C is open");
    }
}
