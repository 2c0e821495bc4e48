package dev.edgevision.trainer.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Round tick values for a chart axis: multiples of a step of 1, 2 or 5 times a power of ten that
 * lie inside the axis range, with labels that all show the same number of decimals.
 *
 * @param step   the distance between neighbouring ticks
 * @param values the tick positions, ascending, all within the range asked for
 * @param labels one label per value, e.g. "0.975", "0.980"
 */
record AxisTicks(double step, List<Double> values, List<String> labels) {
    private static final int[] NICE_FACTORS = {1, 2, 5, 10};

    AxisTicks {
        values = List.copyOf(values);
        labels = List.copyOf(labels);
    }

    /**
     * Ticks inside [{@code min}, {@code max}], at most about {@code target} of them and at least
     * one for any range wider than zero; both bounds must be finite and {@code min < max}.
     */
    static AxisTicks within(double min, double max, int target) {
        if (!(Double.isFinite(min) && Double.isFinite(max) && min < max) || target < 1) {
            throw new IllegalArgumentException("need a finite range min < max, got [" + min + ", " + max + "]");
        }
        BigDecimal step = niceStep((max - min) / target);
        int decimals = Math.max(0, step.stripTrailingZeros().scale());
        double stepValue = step.doubleValue();
        long first = (long) Math.ceil(min / stepValue - 1e-9);
        long last = (long) Math.floor(max / stepValue + 1e-9);
        List<Double> values = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (long k = first; k <= last; k++) {
            BigDecimal tick = step.multiply(BigDecimal.valueOf(k)).setScale(decimals);
            values.add(tick.doubleValue());
            labels.add(tick.toPlainString());
        }
        return new AxisTicks(stepValue, values, labels);
    }

    /** The smallest of 1, 2, 5 or 10 times a power of ten that is at least {@code rawStep}. */
    private static BigDecimal niceStep(double rawStep) {
        int exponent = (int) Math.floor(Math.log10(rawStep));
        double fraction = rawStep / Math.pow(10, exponent);
        for (int factor : NICE_FACTORS) {
            if (factor >= fraction - 1e-9) {
                return BigDecimal.valueOf(factor).scaleByPowerOfTen(exponent);
            }
        }
        throw new AssertionError("fraction above 10: " + fraction);
    }
}
