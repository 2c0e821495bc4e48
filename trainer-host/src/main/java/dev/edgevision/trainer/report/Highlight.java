package dev.edgevision.trainer.report;

/**
 * A marked x position on a line chart, drawn as a dashed vertical line with a label, e.g. the
 * best epoch or a chosen score threshold.
 *
 * @param x     where the line goes, in data units
 * @param label text next to the line
 */
public record Highlight(double x, String label) {
    /** Rejects a non-finite x. */
    public Highlight {
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException("highlight x must be finite, got " + x);
        }
        label = label == null ? "" : label;
    }
}
