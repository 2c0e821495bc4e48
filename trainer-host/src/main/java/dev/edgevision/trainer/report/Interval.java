package dev.edgevision.trainer.report;

import java.util.stream.DoubleStream;

/** A closed range [lo, hi] of finite numbers with lo &lt; hi, the domain of one chart axis. */
record Interval(double lo, double hi) {
    Interval {
        if (!(Double.isFinite(lo) && Double.isFinite(hi) && lo < hi)) {
            throw new IllegalArgumentException("not a usable interval: [" + lo + ", " + hi + "]");
        }
    }

    /**
     * The smallest interval holding every finite value, widened around the value when all values
     * are equal, and [0, 1] when there is no finite value at all.
     */
    static Interval covering(DoubleStream values) {
        var stats = values.filter(Double::isFinite).summaryStatistics();
        if (stats.getCount() == 0) {
            return new Interval(0, 1);
        }
        double lo = stats.getMin();
        double hi = stats.getMax();
        if (lo < hi) {
            return new Interval(lo, hi);
        }
        double half = lo == 0 ? 1 : Math.abs(lo) * 0.1;
        return new Interval(lo - half, hi + half);
    }

    /** This interval widened on both sides by {@code fraction} of its width. */
    Interval padded(double fraction) {
        double pad = (hi - lo) * fraction;
        return new Interval(lo - pad, hi + pad);
    }

    /** Where {@code value} sits in this interval: 0 at lo, 1 at hi. */
    double position(double value) {
        return (value - lo) / (hi - lo);
    }
}
