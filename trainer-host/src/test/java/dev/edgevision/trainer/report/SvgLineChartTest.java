package dev.edgevision.trainer.report;

import static dev.edgevision.trainer.report.Markup.all;
import static dev.edgevision.trainer.report.Markup.count;
import static dev.edgevision.trainer.report.Markup.numbers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SvgLineChartTest {
    private static final Series TRAIN = new Series("train", List.of(1.0, 2.0, 3.0, 4.0, 5.0),
            List.of(0.9, 0.5, 0.3, 0.25, 0.2));
    private static final Series VALIDATION = new Series("validation", List.of(1.0, 2.0, 3.0, 4.0, 5.0),
            List.of(0.8, 0.55, Double.NaN, 0.33, 0.36));

    @Test
    void onePathPerSeriesAndOneMarkerPerFinitePoint() {
        String svg = chart(List.of(TRAIN, VALIDATION), null);

        assertEquals(1, count(svg, "<svg"));
        assertEquals(2, count(svg, "<path class=\"line\""));
        assertEquals(5 + 4, count(svg, "<circle class=\"marker\""));
        List<String> paths = all(svg, "<path class=\"line\"[^>]* d=\"([^\"]*)\"");
        assertEquals(1, count(paths.get(0), "M"), "an unbroken line is one sub-path");
        assertEquals(2, count(paths.get(1), "M"), "the NaN point splits the validation line");
        assertEquals(2, count(paths.get(1), "L"), "the four points left are joined in two pairs");
    }

    @Test
    void legendNamesEverySeriesInItsColour() {
        String svg = chart(List.of(TRAIN, VALIDATION.withColour("#00aa00")), null);

        String legend = Markup.between(svg, "<g class=\"legend\">", "</g>");
        assertTrue(legend.contains(">train</text>") && legend.contains(">validation</text>"));
        assertTrue(legend.contains("stroke=\"#1f77b4\""), "first palette colour for train");
        assertTrue(legend.contains("stroke=\"#00aa00\""), "own colour for validation");
        assertEquals(2, count(svg, "<g class=\"series\" stroke=\"(#1f77b4|#00aa00)\""));
    }

    @Test
    void axesCarryRoundTickLabelsAndAxisNames() {
        String svg = chart(List.of(TRAIN), null);

        assertEquals(List.of("1", "2", "3", "4", "5"), all(Markup.between(svg, "<g class=\"axis x\">", "</g>"),
                "<text x=\"[^\"]+\" y=\"[^\"]+\" text-anchor=\"middle\">([^<]*)</text>"));
        assertEquals(List.of("0.2", "0.4", "0.6", "0.8"), all(Markup.between(svg, "<g class=\"axis y\">", "</g>"),
                "dominant-baseline=\"middle\">([^<]*)</text>"));
        assertTrue(svg.contains(">epoch</text>") && svg.contains(">loss</text>"));
    }

    @Test
    void highlightIsADashedLineAtItsX() {
        String svg = chart(List.of(TRAIN), new Highlight(3, "best epoch 3"));

        String highlight = Markup.between(svg, "<g class=\"highlight\">", "</g>");
        assertTrue(highlight.contains("stroke-dasharray"));
        assertTrue(highlight.contains(">best epoch 3</text>"));
        double lineX = numbers(highlight, "x1").get(0);
        double thirdMarkerX = numbers(svg.substring(svg.indexOf("class=\"marker\"")), "cx").get(2);
        assertEquals(thirdMarkerX, lineX, 0.05);
    }

    @Test
    void highlightOutsideTheDataWidensTheAxis() {
        String svg = chart(List.of(TRAIN), new Highlight(8, "later"));

        double lineX = numbers(Markup.between(svg, "<g class=\"highlight\">", "</g>"), "x1").get(0);
        assertTrue(lineX <= SvgLineChart.WIDTH, "highlight drawn inside the chart");
        assertTrue(svg.contains(">8</text>"), "x axis reaches 8");
    }

    @Test
    void singlePointRendersWithFiniteCoordinates() {
        String svg = chart(List.of(new Series("only", List.of(1.0), List.of(0.42))), new Highlight(1, "best"));

        assertFinite(svg);
        assertEquals(1, count(svg, "<circle class=\"marker\""));
    }

    @Test
    void flatSeriesRendersWithFiniteCoordinates() {
        String svg = chart(List.of(new Series("flat", List.of(1.0, 2.0, 3.0), List.of(0.5, 0.5, 0.5))), null);

        assertFinite(svg);
        assertTrue(svg.contains(">0.50</text>"), "the flat value gets a tick");
        List<Double> ys = numbers(svg.substring(svg.indexOf("class=\"marker\"")), "cy");
        assertEquals(ys.get(0), ys.get(2));
    }

    @Test
    void allNaNOrEmptySeriesStillRender() {
        String svg = chart(List.of(new Series("none", List.of(1.0, 2.0), List.of(Double.NaN, Double.POSITIVE_INFINITY)),
                new Series("empty", List.of(), List.of())), null);

        assertFinite(svg);
        assertEquals(2, count(svg, "<path class=\"line\""));
        assertEquals(0, count(svg, "<circle class=\"marker\""));
    }

    @Test
    void denseSeriesIsDrawnWithoutMarkers() {
        double[] x = new double[SvgLineChart.MAX_MARKERS + 1];
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = i / (double) x.length;
            y[i] = 1 - x[i] * x[i];
        }
        String svg = chart(List.of(Series.of("precision", x, y), TRAIN), null);

        assertEquals(2, count(svg, "<path class=\"line\""));
        assertEquals(TRAIN.size(), count(svg, "<circle class=\"marker\""));
    }

    @Test
    void everyCoordinateLiesInsideTheViewBox() {
        String svg = chart(List.of(TRAIN, VALIDATION), new Highlight(2, "x"));

        for (double v : numbers(svg, "x|x1|x2|cx")) {
            assertTrue(v >= 0 && v <= SvgLineChart.WIDTH, () -> "x " + v);
        }
        for (double v : numbers(svg, "y|y1|y2|cy")) {
            assertTrue(v >= 0 && v <= SvgLineChart.HEIGHT, () -> "y " + v);
        }
    }

    private static String chart(List<Series> series, Highlight highlight) {
        return new SvgLineChart("Loss", "epoch", "loss", series, highlight).render();
    }

    private static void assertFinite(String svg) {
        assertFalse(svg.contains("NaN"), svg);
        assertFalse(svg.contains("Infinity"), svg);
    }
}
