package dev.edgevision.trainer.report;

import dev.edgevision.core.io.AtomicFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Builds one self-contained HTML page: a title, an optional subtitle, then sections in the order
 * they are added. Styles, charts (inline SVG) and pictures (PNG data URIs) are all inside the
 * page, so the file opens offline and can be mailed or archived on its own. All text passed in
 * is escaped, so labels and captions may contain any characters.
 *
 * <pre>{@code
 * new HtmlReport("Digit classifier")
 *         .subtitle("run 2024-05-01")
 *         .summary(Map.of("test accuracy", "98.7%"))
 *         .lineChart("Loss", "epoch", "loss", List.of(train, validation), new Highlight(7, "best epoch 7"))
 *         .write(Path.of("report.html"));
 * }</pre>
 */
public final class HtmlReport {
    private static final Pattern NUMERIC = Pattern.compile(
            "[-+−]?(?:\\d[\\d,]*)?(?:\\.\\d+)?(?:[eE][-+]?\\d+)?(?:\\s?(?:%|[a-zA-Zµ]{1,3}))?");


    private final String title;
    private String subtitle = "";
    private final List<String> sections = new ArrayList<>();

    /** Starts a page with {@code title} as its heading and window title. */
    public HtmlReport(String title) {
        this.title = title == null ? "" : title;
    }

    /** Sets the line under the title, e.g. the run name and date. */
    public HtmlReport subtitle(String text) {
        subtitle = text == null ? "" : text;
        return this;
    }

    /** Adds the headline figures as large tiles, label to value, in map order. */
    public HtmlReport summary(Map<String, String> keyFigures) {
        StringBuilder html = new StringBuilder("<div class=\"figures\">");
        keyFigures.forEach((label, value) -> html.append("<div class=\"figure\"><div class=\"value\">")
                .append(Html.escape(value)).append("</div><div class=\"label\">")
                .append(Html.escape(label)).append("</div></div>"));
        return section("summary", null, html.append("</div>").toString());
    }

    /** Adds a line chart with one line per series. */
    public HtmlReport lineChart(String title, String xLabel, String yLabel, List<Series> series) {
        return lineChart(title, xLabel, yLabel, series, null);
    }

    /** Adds a line chart with one line per series and a dashed line at {@code highlight} (may be null). */
    public HtmlReport lineChart(String title, String xLabel, String yLabel, List<Series> series, Highlight highlight) {
        return section("chart", title, new SvgLineChart(title, xLabel, yLabel, series, highlight).render());
    }

    /**
     * Adds a confusion matrix: {@code counts[t][p]} is how often true class {@code labels[t]} was
     * predicted as {@code labels[p]}. Rows carry their total and recall, columns their precision.
     */
    public HtmlReport confusionMatrix(String title, List<String> labels, int[][] counts) {
        return section("confusion-matrix", title, new ConfusionMatrixTable(labels, counts).render());
    }

    /** Adds captioned pictures; small ones are enlarged with crisp pixels. */
    public HtmlReport imageGallery(String title, List<GalleryImage> images) {
        return section("gallery-section", title, ImageGallery.render(images));
    }

    /** Adds a table; cells that look like numbers, optionally with a short unit ("%", "ms"), are right-aligned. */
    public HtmlReport table(String title, List<String> header, List<List<String>> rows) {
        StringBuilder html = new StringBuilder("<div class=\"scroll\"><table class=\"data\"><thead><tr>");
        header.forEach(cell -> html.append("<th scope=\"col\">").append(Html.escape(cell)).append("</th>"));
        html.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : rows) {
            html.append("<tr>");
            row.forEach(cell -> html.append(isNumeric(cell) ? "<td class=\"num\">" : "<td>")
                    .append(Html.escape(cell)).append("</td>"));
            html.append("</tr>\n");
        }
        return section("table", title, html.append("</tbody></table></div>").toString());
    }

    /** Adds a two-column list of names and values, e.g. settings or timings, in map order. */
    public HtmlReport keyValues(String title, Map<String, String> entries) {
        if (entries.isEmpty()) {
            return section("key-values", title, "<p class=\"empty\">None recorded.</p>");
        }
        StringBuilder html = new StringBuilder("<table class=\"kv\"><tbody>\n");
        entries.forEach((key, value) -> html.append("<tr><th scope=\"row\">").append(Html.escape(key))
                .append("</th><td>").append(Html.escape(value)).append("</td></tr>\n"));
        return section("key-values", title, html.append("</tbody></table>").toString());
    }

    /** Adds a paragraph of plain text. */
    public HtmlReport paragraph(String text) {
        return section("text", null, "<p>" + Html.escape(text) + "</p>");
    }

    /** The complete page. */
    public String render() {
        StringBuilder html = new StringBuilder(16384);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(Html.escape(title)).append("</title>\n")
                .append("<style>\n").append(ReportStyle.CSS).append("</style>\n</head>\n<body>\n")
                .append("<header><h1>").append(Html.escape(title)).append("</h1>");
        if (!subtitle.isEmpty()) {
            html.append("<p class=\"subtitle\">").append(Html.escape(subtitle)).append("</p>");
        }
        html.append("</header>\n<main>\n");
        sections.forEach(html::append);
        return html.append("</main>\n</body>\n</html>\n").toString();
    }

    /**
     * Writes the page as UTF-8 to {@code target}: first to a temporary file beside it, then moved
     * into place, so a reader never sees half a page and an existing report survives a failure.
     * The file gets the default permissions of a new file (not the owner-only ones of a temp file).
     */
    public void write(Path target) throws IOException {
        byte[] page = render().getBytes(StandardCharsets.UTF_8);
        AtomicFile.write(target, page);
    }

    private HtmlReport section(String kind, String heading, String body) {
        StringBuilder html = new StringBuilder(body.length() + 128);
        html.append("<section class=\"").append(kind).append("\">");
        if (heading != null && !heading.isBlank()) {
            html.append("<h2>").append(Html.escape(heading)).append("</h2>");
        }
        sections.add(html.append('\n').append(body).append("\n</section>\n").toString());
        return this;
    }

    private static boolean isNumeric(String cell) {
        return cell != null && cell.chars().anyMatch(Character::isDigit) && NUMERIC.matcher(cell.strip()).matches();
    }
}
