package dev.edgevision.trainer.report;

import static dev.edgevision.trainer.report.Markup.all;
import static dev.edgevision.trainer.report.Markup.between;
import static dev.edgevision.trainer.report.Markup.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConfusionMatrixTableTest {
    private static final List<String> LABELS = List.of("cat", "dog", "fox");
    private static final int[][] COUNTS = {
        {48, 2, 0},
        {5, 40, 5},
        {0, 1, 24},
    };

    @Test
    void oneBodyRowPerTrueClassWithCountsInPlace() {
        List<List<String>> rows = bodyRows(render(LABELS, COUNTS));

        assertEquals(LABELS.size(), rows.size());
        for (int t = 0; t < LABELS.size(); t++) {
            List<String> cells = rows.get(t);
            assertEquals(LABELS.size() + 2, cells.size(), "counts, total, recall");
            for (int p = 0; p < LABELS.size(); p++) {
                assertEquals(Integer.toString(COUNTS[t][p]), cells.get(p), "true " + t + " predicted " + p);
            }
        }
    }

    @Test
    void rowsCarryTheirTrueLabelTotalAndRecall() {
        String html = render(LABELS, COUNTS);

        assertEquals(LABELS, all(between(html, "<tbody>", "</tbody>"), "<th scope=\"row\">([^<]*)</th>"));
        List<List<String>> rows = bodyRows(html);
        assertEquals(List.of("50", "96.0%"), rows.get(0).subList(3, 5));
        assertEquals(List.of("50", "80.0%"), rows.get(1).subList(3, 5));
        assertEquals(List.of("25", "96.0%"), rows.get(2).subList(3, 5));
    }

    @Test
    void footerHoldsColumnTotalsAndPrecision() {
        String footer = between(render(LABELS, COUNTS), "<tfoot>", "</tfoot>");

        List<String> cells = all(footer, "<td[^>]*>([^<]*)</td>");
        assertEquals(List.of("53", "43", "29", "125"), cells.subList(0, 4));
        assertEquals(List.of("90.6%", "93.0%", "82.8%"), cells.subList(5, 8));
    }

    @Test
    void diagonalAndErrorCellsAreShadedInDifferentColoursByRowShare() {
        String html = render(LABELS, COUNTS);

        List<String> diagonal = all(html, "class=\"cell diagonal[^\"]*\" style=\"background-color: rgba\\(([^)]*)\\)");
        List<String> errors = all(html, "class=\"cell off[^\"]*\" style=\"background-color: rgba\\(([^)]*)\\)");
        assertEquals(3, diagonal.size());
        assertEquals(4, errors.size(), "one shaded cell per non-zero confusion");
        assertFalse(rgb(diagonal.get(0)).equals(rgb(errors.get(0))), "diagonal and errors use different colours");
        assertTrue(alpha(diagonal.get(0)) > alpha(diagonal.get(1)), "96% of the row is darker than 80%");
        assertTrue(alpha(errors.get(0)) < alpha(errors.get(1)), "4% of the row is lighter than 10%");
        assertEquals(2, count(html, "class=\"cell off zero\""), "zero cells carry no shade");
    }

    @Test
    void emptyRowHasNoRecallInsteadOfNaN() {
        String html = render(List.of("a", "b"), new int[][] {{3, 1}, {0, 0}});

        assertEquals("–", bodyRows(html).get(1).get(3));
        assertFalse(html.contains("NaN"));
    }

    @Test
    void labelsAreEscaped() {
        String html = render(List.of("<b>", "a&b"), new int[][] {{1, 0}, {0, 1}});

        assertFalse(html.contains("<b>"));
        assertTrue(html.contains("&lt;b&gt;") && html.contains("a&amp;b"));
    }

    @Test
    void rejectsAMatrixThatDoesNotFitTheLabels() {
        assertThrows(IllegalArgumentException.class, () -> render(LABELS, new int[][] {{1, 2}, {3, 4}}));
        assertThrows(IllegalArgumentException.class, () -> render(List.of("a", "b"), new int[][] {{1, 2}, {3}}));
        assertThrows(IllegalArgumentException.class, () -> render(List.of("a"), new int[][] {{-1}}));
    }

    private static String render(List<String> labels, int[][] counts) {
        return new ConfusionMatrixTable(labels, counts).render();
    }

    private static List<List<String>> bodyRows(String html) {
        return all(between(html, "<tbody>", "</tbody>"), "<tr>(.*?)</tr>").stream()
                .map(row -> all(row, "<td[^>]*>([^<]*)</td>"))
                .toList();
    }

    private static String rgb(String rgba) {
        return rgba.substring(0, rgba.lastIndexOf(','));
    }

    private static double alpha(String rgba) {
        return Double.parseDouble(rgba.substring(rgba.lastIndexOf(',') + 1).strip());
    }
}
