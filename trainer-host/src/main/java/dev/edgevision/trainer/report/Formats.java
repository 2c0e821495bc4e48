package dev.edgevision.trainer.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Number and duration formats shared by the report sections, independent of the JVM locale. */
final class Formats {
    private Formats() {
    }

    /** A fraction in [0, 1] as a percentage, e.g. {@code percent(0.98731, 2)} is "98.73%"; NaN is "–". */
    static String percent(double fraction, int decimals) {
        if (!Double.isFinite(fraction)) {
            return "–";
        }
        return String.format(Locale.ROOT, "%." + decimals + "f%%", fraction * 100);
    }

    /** A count with thousands separators, e.g. "10,000". */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** A number with a fixed count of decimals; NaN is "–". */
    static String fixed(double value, int decimals) {
        if (!Double.isFinite(value)) {
            return "–";
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /** A duration for people: "850 ms", "38.2 s", "4 min 12 s", "1 h 02 min". */
    static String duration(double seconds) {
        if (!Double.isFinite(seconds) || seconds < 0) {
            return "–";
        }
        if (seconds < 1) {
            return Math.round(seconds * 1000) + " ms";
        }
        if (seconds < 60) {
            return fixed(seconds, 1) + " s";
        }
        long whole = Math.round(seconds);
        if (whole < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", whole / 60, whole % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", whole / 3600, whole % 3600 / 60);
    }

    /** A number rounded to {@code digits} significant digits without trailing zeros, e.g. "0.1235", "3"; NaN is "–". */
    static String significant(double value, int digits) {
        if (!Double.isFinite(value)) {
            return "–";
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(digits)).stripTrailingZeros();
        return rounded.signum() == 0 ? "0" : rounded.toPlainString();
    }
}
