package dev.edgevision.trainer.report;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One named line of a line chart: points (x[i], y[i]). Points with a NaN or infinite coordinate
 * are left out and break the line there.
 *
 * @param name   shown in the legend
 * @param x      x values, as many as {@code y}
 * @param y      y values
 * @param colour a CSS colour such as {@code #1f77b4} or {@code teal}, or null to take the next
 *               colour of the chart's palette
 */
public record Series(String name, List<Double> x, List<Double> y, String colour) {
    private static final Pattern COLOUR = Pattern.compile("#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})|[a-zA-Z]{3,20}");

    /** Validates sizes and colour, and copies the lists. */
    public Series {
        if (name == null) {
            throw new IllegalArgumentException("series name is null");
        }
        x = List.copyOf(x);
        y = List.copyOf(y);
        if (x.size() != y.size()) {
            throw new IllegalArgumentException("series " + name + ": " + x.size() + " x values but " + y.size() + " y values");
        }
        if (colour != null && !COLOUR.matcher(colour).matches()) {
            throw new IllegalArgumentException("series " + name + ": not a #rgb, #rrggbb or named colour: " + colour);
        }
    }

    /** A series drawn in the next palette colour. */
    public Series(String name, List<Double> x, List<Double> y) {
        this(name, x, y, null);
    }

    /** A series from arrays, drawn in the next palette colour. */
    public static Series of(String name, double[] x, double[] y) {
        return new Series(name, Arrays.stream(x).boxed().toList(), Arrays.stream(y).boxed().toList());
    }

    /** This series drawn in {@code cssColour}. */
    public Series withColour(String cssColour) {
        return new Series(name, x, y, cssColour);
    }

    /** The number of points, counting skipped ones. */
    public int size() {
        return x.size();
    }
}
