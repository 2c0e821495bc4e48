package dev.edgevision.trainer.report;

import java.util.List;
import java.util.Locale;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;

/**
 * An inline SVG line chart: both axes with round ticks and labels, a legend, one path per series
 * with a marker per point, and an optional dashed vertical {@link Highlight}. Non-finite points
 * are skipped; a single point or a flat series gets a widened axis instead of a zero-width one.
 */
final class SvgLineChart {
    static final int WIDTH = 600;
    static final int HEIGHT = 340;
    /** Above this many points per series the markers would hide the line, so only the line is drawn. */
    static final int MAX_MARKERS = 60;
    private static final int LEFT = 64;
    private static final int RIGHT = 18;
    private static final int TOP = 50;
    private static final int BOTTOM = 50;
    private static final double PADDING = 0.04;
    /** Approximate width of one character of 12px chart text, for placing labels. */
    private static final double TEXT_WIDTH = 7.2;
    private static final List<String> PALETTE = List.of(
            "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f");

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<Series> series;
    private final Highlight highlight;
    private final Interval xRange;
    private final Interval yRange;

    /** A chart of {@code series}; {@code highlight} may be null. */
    SvgLineChart(String title, String xLabel, String yLabel, List<Series> series, Highlight highlight) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.series = List.copyOf(series);
        this.highlight = highlight;
        this.xRange = Interval.covering(DoubleStream.concat(finiteXs(), highlightX())).padded(PADDING);
        this.yRange = Interval.covering(finiteYs()).padded(PADDING);
    }

    /** The {@code <svg>} element. */
    String render() {
        StringBuilder svg = new StringBuilder(4096);
        svg.append("<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(HEIGHT).append("\" role=\"img\">")
                .append("<title>").append(Html.escape(title)).append("</title>\n");
        plotArea(svg);
        yAxis(svg);
        xAxis(svg);
        highlight(svg);
        for (int i = 0; i < series.size(); i++) {
            line(svg, series.get(i), colour(i));
        }
        legend(svg);
        return svg.append("</svg>").toString();
    }

    private void plotArea(StringBuilder svg) {
        svg.append("<rect class=\"plot\" x=\"").append(LEFT).append("\" y=\"").append(TOP)
                .append("\" width=\"").append(WIDTH - LEFT - RIGHT).append("\" height=\"")
                .append(HEIGHT - TOP - BOTTOM).append("\"/>\n");
    }

    private void yAxis(StringBuilder svg) {
        AxisTicks ticks = AxisTicks.within(yRange.lo(), yRange.hi(), 6);
        svg.append("<g class=\"axis y\">");
        for (int i = 0; i < ticks.values().size(); i++) {
            String y = num(py(ticks.values().get(i)));
            svg.append("<line class=\"grid\" x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT)
                    .append("\" y1=\"").append(y).append("\" y2=\"").append(y).append("\"/>")
                    .append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(y)
                    .append("\" text-anchor=\"end\" dominant-baseline=\"middle\">")
                    .append(ticks.labels().get(i)).append("</text>");
        }
        svg.append("<line class=\"axis-line\" x1=\"").append(LEFT).append("\" x2=\"").append(LEFT)
                .append("\" y1=\"").append(TOP).append("\" y2=\"").append(HEIGHT - BOTTOM).append("\"/>");
        int middle = (TOP + HEIGHT - BOTTOM) / 2;
        svg.append("<text class=\"axis-label\" transform=\"translate(16 ").append(middle)
                .append(") rotate(-90)\" text-anchor=\"middle\">").append(Html.escape(yLabel)).append("</text>");
        svg.append("</g>\n");
    }

    private void xAxis(StringBuilder svg) {
        AxisTicks ticks = AxisTicks.within(xRange.lo(), xRange.hi(), 8);
        int base = HEIGHT - BOTTOM;
        svg.append("<g class=\"axis x\">");
        for (int i = 0; i < ticks.values().size(); i++) {
            String x = num(px(ticks.values().get(i)));
            svg.append("<line class=\"tick\" x1=\"").append(x).append("\" x2=\"").append(x)
                    .append("\" y1=\"").append(base).append("\" y2=\"").append(base + 5).append("\"/>")
                    .append("<text x=\"").append(x).append("\" y=\"").append(base + 18)
                    .append("\" text-anchor=\"middle\">").append(ticks.labels().get(i)).append("</text>");
        }
        svg.append("<line class=\"axis-line\" x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT)
                .append("\" y1=\"").append(base).append("\" y2=\"").append(base).append("\"/>");
        svg.append("<text class=\"axis-label\" x=\"").append((LEFT + WIDTH - RIGHT) / 2).append("\" y=\"")
                .append(HEIGHT - 8).append("\" text-anchor=\"middle\">").append(Html.escape(xLabel)).append("</text>");
        svg.append("</g>\n");
    }

    /** The dashed line spans the plot; its label sits in the top margin below the legend, clear of the data. */
    private void highlight(StringBuilder svg) {
        if (highlight == null) {
            return;
        }
        double x = px(highlight.x());
        double halfLabel = TEXT_WIDTH * highlight.label().length() / 2;
        String anchor = x - halfLabel < 2 ? "start" : x + halfLabel > WIDTH - 2 ? "end" : "middle";
        double textX = switch (anchor) {
            case "start" -> Math.max(2, x - 8);
            case "end" -> Math.min(WIDTH - 2, x + 8);
            default -> x;
        };
        svg.append("<g class=\"highlight\"><line x1=\"").append(num(x)).append("\" x2=\"").append(num(x))
                .append("\" y1=\"").append(TOP - 5).append("\" y2=\"").append(HEIGHT - BOTTOM)
                .append("\" stroke-dasharray=\"6 4\"/>")
                .append("<text x=\"").append(num(textX)).append("\" y=\"").append(TOP - 9)
                .append("\" text-anchor=\"").append(anchor).append("\">")
                .append(Html.escape(highlight.label())).append("</text></g>\n");
    }

    private void line(StringBuilder svg, Series s, String colour) {
        StringBuilder path = new StringBuilder();
        StringBuilder markers = new StringBuilder();
        boolean penDown = false;
        for (int i = 0; i < s.size(); i++) {
            double x = s.x().get(i);
            double y = s.y().get(i);
            if (!Double.isFinite(x) || !Double.isFinite(y)) {
                penDown = false;
                continue;
            }
            path.append(penDown ? " L" : (path.isEmpty() ? "M" : " M")).append(num(px(x))).append(' ').append(num(py(y)));
            penDown = true;
            marker(markers, s.name(), x, y);
        }
        svg.append("<g class=\"series\" stroke=\"").append(colour).append("\" fill=\"").append(colour).append("\">")
                .append("<path class=\"line\" fill=\"none\" d=\"").append(path).append("\"/>");
        if (finitePoints(s) <= MAX_MARKERS) {
            svg.append(markers);
        }
        svg.append("</g>\n");
    }

    private void marker(StringBuilder markers, String name, double x, double y) {
        markers.append("<circle class=\"marker\" cx=\"").append(num(px(x))).append("\" cy=\"").append(num(py(y)))
                .append("\" r=\"3.2\"><title>").append(Html.escape(name)).append(": ")
                .append(Formats.significant(x, 4)).append(", ").append(Formats.significant(y, 4))
                .append("</title></circle>");
    }

    private void legend(StringBuilder svg) {
        svg.append("<g class=\"legend\">");
        double x = LEFT;
        int y = 16;
        for (int i = 0; i < series.size(); i++) {
            String colour = colour(i);
            String name = series.get(i).name();
            svg.append("<line x1=\"").append(num(x)).append("\" x2=\"").append(num(x + 20)).append("\" y1=\"").append(y)
                    .append("\" y2=\"").append(y).append("\" stroke=\"").append(colour).append("\"/>")
                    .append("<circle cx=\"").append(num(x + 10)).append("\" cy=\"").append(y)
                    .append("\" r=\"3.2\" fill=\"").append(colour).append("\"/>")
                    .append("<text x=\"").append(num(x + 26)).append("\" y=\"").append(y)
                    .append("\" dominant-baseline=\"middle\">").append(Html.escape(name)).append("</text>");
            x += 26 + TEXT_WIDTH * name.length() + 22;
        }
        svg.append("</g>\n");
    }

    private String colour(int index) {
        String own = series.get(index).colour();
        return own != null ? own : PALETTE.get(index % PALETTE.size());
    }

    private double px(double x) {
        return LEFT + xRange.position(x) * (WIDTH - LEFT - RIGHT);
    }

    private double py(double y) {
        return HEIGHT - BOTTOM - yRange.position(y) * (HEIGHT - TOP - BOTTOM);
    }

    private DoubleStream finiteXs() {
        return series.stream().flatMapToDouble(s -> finite(s).mapToDouble(i -> s.x().get(i)));
    }

    private DoubleStream finiteYs() {
        return series.stream().flatMapToDouble(s -> finite(s).mapToDouble(i -> s.y().get(i)));
    }

    private DoubleStream highlightX() {
        return highlight == null ? DoubleStream.empty() : DoubleStream.of(highlight.x());
    }

    private static long finitePoints(Series s) {
        return finite(s).count();
    }

    private static IntStream finite(Series s) {
        return IntStream.range(0, s.size())
                .filter(i -> Double.isFinite(s.x().get(i)) && Double.isFinite(s.y().get(i)));
    }

    private static String num(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
