package dev.edgevision.trainer.detector.scenes;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgevision.core.frame.Frame;
import dev.edgevision.trainer.detector.labels.LabelledBox;
import java.util.List;

/** Reads ink off rendered BGR frames for the scene tests: brightness, and the darkest pixel of rows, columns and rings. */
public final class InkProbe {
    private InkProbe() {
    }

    /**
     * Asserts that {@code box} is the tight box of ink drawn on paper of brightness {@code paper}
     * whose darkest stroke is {@code darkest}: each border row and column holds ink at least half
     * way to the darkest, and no such ink lies within 4 pixels outside it (other boxes, grown by
     * {@code margin}, excepted).
     */
    public static void assertTight(Frame frame, LabelledBox box, List<LabelledBox> all, double paper, double darkest,
            int margin, String where) {
        double half = paper - (paper - darkest) / 2;
        int x1 = (int) box.x1();
        int y1 = (int) box.y1();
        int x2 = (int) box.x2() - 1;
        int y2 = (int) box.y2() - 1;
        assertTrue(minInRow(frame, y1, x1, x2) <= half + 4, where + ": top row has ink");
        assertTrue(minInRow(frame, y2, x1, x2) <= half + 4, where + ": bottom row has ink");
        assertTrue(minInColumn(frame, x1, y1, y2) <= half + 4, where + ": left column has ink");
        assertTrue(minInColumn(frame, x2, y1, y2) <= half + 4, where + ": right column has ink");
        assertTrue(darkestAround(frame, box, all, 4, margin) > half - 4, where + ": no ink just outside");
    }

    /** The mean of the three channels at ({@code x}, {@code y}). */
    public static double value(Frame frame, int x, int y) {
        byte[] d = frame.data();
        int i = (y * frame.width() + x) * 3;
        return ((d[i] & 0xFF) + (d[i + 1] & 0xFF) + (d[i + 2] & 0xFF)) / 3.0;
    }

    /** The darkest pixel of row {@code y} from {@code x1} to {@code x2}, both included. */
    public static double minInRow(Frame frame, int y, int x1, int x2) {
        double min = 255;
        for (int x = x1; x <= x2; x++) {
            min = Math.min(min, value(frame, x, y));
        }
        return min;
    }

    /** The darkest pixel of column {@code x} from {@code y1} to {@code y2}, both included. */
    public static double minInColumn(Frame frame, int x, int y1, int y2) {
        double min = 255;
        for (int y = y1; y <= y2; y++) {
            min = Math.min(min, value(frame, x, y));
        }
        return min;
    }

    /**
     * The darkest pixel within {@code ring} pixels outside {@code box}, inside the frame and outside
     * every other box of {@code all} grown by {@code margin} pixels.
     */
    public static double darkestAround(Frame frame, LabelledBox box, List<LabelledBox> all, int ring, int margin) {
        double min = 255;
        for (int y = (int) box.y1() - ring; y < box.y2() + ring; y++) {
            for (int x = (int) box.x1() - ring; x < box.x2() + ring; x++) {
                boolean inside = x >= box.x1() && x < box.x2() && y >= box.y1() && y < box.y2();
                if (inside || x < 0 || y < 0 || x >= frame.width() || y >= frame.height()
                        || inAnother(x, y, box, all, margin)) {
                    continue;
                }
                min = Math.min(min, value(frame, x, y));
            }
        }
        return min;
    }

    /** Whether ({@code x}, {@code y}) lies in a box of {@code all} other than {@code self}, grown by {@code margin}. */
    public static boolean inAnother(int x, int y, LabelledBox self, List<LabelledBox> all, int margin) {
        for (LabelledBox b : all) {
            if (b != self && x >= b.x1() - margin && x < b.x2() + margin && y >= b.y1() - margin
                    && y < b.y2() + margin) {
                return true;
            }
        }
        return false;
    }
}
