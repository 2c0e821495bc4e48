package dev.edgevision.trainer.report;

import java.util.List;
import java.util.Locale;

/**
 * A confusion matrix as an HTML table: one row per true class, one column per predicted class,
 * then the row total and the class recall; footer rows hold column totals and class precision.
 * Each cell is shaded by its share of the row, green on the diagonal and red off it.
 */
final class ConfusionMatrixTable {
    private static final String DIAGONAL_RGB = "22, 128, 60";
    private static final String ERROR_RGB = "205, 45, 45";
    /** Background opacity above which the cell text switches to white. */
    private static final double DARK_CELL = 0.55;

    private final List<String> labels;
    private final int[][] counts;
    private final long[] rowTotals;
    private final long[] columnTotals;

    /** A table for {@code counts[true][predicted]}, a square matrix with one row per label. */
    ConfusionMatrixTable(List<String> labels, int[][] counts) {
        this.labels = List.copyOf(labels);
        this.counts = checked(this.labels.size(), counts);
        int n = this.labels.size();
        rowTotals = new long[n];
        columnTotals = new long[n];
        for (int t = 0; t < n; t++) {
            for (int p = 0; p < n; p++) {
                rowTotals[t] += this.counts[t][p];
                columnTotals[p] += this.counts[t][p];
            }
        }
    }

    /** The {@code <table>} element. */
    String render() {
        StringBuilder html = new StringBuilder(8192);
        html.append("<div class=\"scroll\"><table class=\"confusion\">\n");
        header(html);
        html.append("<tbody>\n");
        for (int t = 0; t < labels.size(); t++) {
            row(html, t);
        }
        html.append("</tbody>\n");
        footer(html);
        return html.append("</table></div>").toString();
    }

    private void header(StringBuilder html) {
        html.append("<thead><tr><th class=\"corner\">true ↓ predicted →</th>");
        for (String label : labels) {
            html.append("<th scope=\"col\">").append(Html.escape(label)).append("</th>");
        }
        html.append("<th scope=\"col\" class=\"total sum\">total</th><th scope=\"col\" class=\"rate\">recall</th></tr></thead>\n");
    }

    private void row(StringBuilder html, int t) {
        html.append("<tr><th scope=\"row\">").append(Html.escape(labels.get(t))).append("</th>");
        for (int p = 0; p < labels.size(); p++) {
            cell(html, t, p);
        }
        html.append("<td class=\"total sum\">").append(Formats.count(rowTotals[t])).append("</td>")
                .append("<td class=\"rate\">").append(Formats.percent(share(counts[t][t], rowTotals[t]), 1))
                .append("</td></tr>\n");
    }

    private void cell(StringBuilder html, int t, int p) {
        int count = counts[t][p];
        double share = share(count, rowTotals[t]);
        html.append("<td class=\"").append(t == p ? "cell diagonal" : "cell off");
        if (count == 0) {
            html.append(" zero\"");
        } else {
            double opacity = opacity(share);
            html.append(opacity > DARK_CELL ? " dark\"" : "\"")
                    .append(" style=\"background-color: rgba(").append(t == p ? DIAGONAL_RGB : ERROR_RGB)
                    .append(", ").append(String.format(Locale.ROOT, "%.3f", opacity)).append(")\"");
        }
        html.append(" title=\"true ").append(Html.escape(labels.get(t))).append(", predicted ")
                .append(Html.escape(labels.get(p))).append(": ").append(Formats.count(count)).append(" (")
                .append(Formats.percent(share, 1)).append(" of row)\">")
                .append(Formats.count(count)).append("</td>");
    }

    private void footer(StringBuilder html) {
        html.append("<tfoot><tr><th scope=\"row\">total</th>");
        long all = 0;
        for (long total : columnTotals) {
            html.append("<td class=\"total\">").append(Formats.count(total)).append("</td>");
            all += total;
        }
        html.append("<td class=\"total sum\">").append(Formats.count(all)).append("</td><td></td></tr>\n")
                .append("<tr><th scope=\"row\">precision</th>");
        for (int p = 0; p < labels.size(); p++) {
            html.append("<td class=\"rate\">").append(Formats.percent(share(counts[p][p], columnTotals[p]), 1)).append("</td>");
        }
        html.append("<td class=\"sum\"></td><td></td></tr></tfoot>\n");
    }

    /**
     * Cube root of the share, so that confusions of a fraction of a percent are still visible
     * next to a diagonal near 100%; any non-zero count gets at least a faint tint.
     */
    private static double opacity(double share) {
        return Math.max(0.12, Math.cbrt(share));
    }

    private static double share(long part, long whole) {
        return whole == 0 ? Double.NaN : (double) part / whole;
    }

    private static int[][] checked(int n, int[][] counts) {
        if (counts.length != n) {
            throw new IllegalArgumentException("confusion matrix has " + counts.length + " rows for " + n + " labels");
        }
        int[][] copy = new int[n][];
        for (int t = 0; t < n; t++) {
            if (counts[t].length != n) {
                throw new IllegalArgumentException("confusion matrix row " + t + " has " + counts[t].length + " columns for " + n + " labels");
            }
            for (int count : counts[t]) {
                if (count < 0) {
                    throw new IllegalArgumentException("negative count in confusion matrix row " + t);
                }
            }
            copy[t] = counts[t].clone();
        }
        return copy;
    }
}
