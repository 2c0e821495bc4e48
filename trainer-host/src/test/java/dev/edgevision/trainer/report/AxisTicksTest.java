package dev.edgevision.trainer.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AxisTicksTest {

    @Test
    void accuracyRangeGetsHalfPercentTicks() {
        AxisTicks ticks = AxisTicks.within(0.9731, 0.9952, 6);

        assertEquals(0.005, ticks.step(), 1e-15);
        assertEquals(List.of("0.975", "0.980", "0.985", "0.990", "0.995"), ticks.labels());
        assertRound(ticks, 0.9731, 0.9952);
    }

    @Test
    void lossRangeFromZeroGetsHalves() {
        AxisTicks ticks = AxisTicks.within(0, 2.31, 6);

        assertEquals(List.of("0.0", "0.5", "1.0", "1.5", "2.0"), ticks.labels());
        assertRound(ticks, 0, 2.31);
    }

    @Test
    void rangeAcrossZeroHasATickAtZero() {
        AxisTicks ticks = AxisTicks.within(-3.7, 12.2, 6);

        assertEquals(List.of("0", "5", "10"), ticks.labels());
        assertRound(ticks, -3.7, 12.2);
    }

    @Test
    void integerStepsHaveNoDecimals() {
        assertEquals(List.of("2", "4", "6", "8", "10", "12"), AxisTicks.within(0.6, 12.4, 8).labels());
        assertEquals(List.of("0", "200", "400", "600", "800", "1000"), AxisTicks.within(0, 1000, 6).labels());
    }

    @Test
    void randomRangesAlwaysGetRoundTicksInside() {
        Random random = new Random(1);
        for (int i = 0; i < 2000; i++) {
            double scale = Math.pow(10, random.nextInt(12) - 6);
            double min = (random.nextDouble() - 0.5) * 100 * scale;
            double max = min + random.nextDouble() * 50 * scale + 1e-9 * scale;
            int target = 3 + random.nextInt(6);
            AxisTicks ticks = AxisTicks.within(min, max, target);
            assertRound(ticks, min, max);
            assertTrue(ticks.values().size() <= target + 1, () -> "too many ticks " + ticks);
        }
    }

    @Test
    void rejectsEmptyOrNonFiniteRanges() {
        assertThrows(IllegalArgumentException.class, () -> AxisTicks.within(1, 1, 5));
        assertThrows(IllegalArgumentException.class, () -> AxisTicks.within(0, Double.NaN, 5));
        assertThrows(IllegalArgumentException.class, () -> AxisTicks.within(Double.NEGATIVE_INFINITY, 0, 5));
    }

    /** Ticks are inside [min, max], evenly spaced by a 1/2/5 step and labelled with their own value. */
    private static void assertRound(AxisTicks ticks, double min, double max) {
        assertTrue(!ticks.values().isEmpty(), () -> "no ticks for [" + min + ", " + max + "]");
        int mantissa = new BigDecimal(Double.toString(ticks.step())).stripTrailingZeros().unscaledValue().intValueExact();
        assertTrue(Set.of(1, 2, 5).contains(mantissa), () -> "step is not 1, 2 or 5 times a power of ten: " + ticks);
        double tolerance = ticks.step() * 1e-6;
        for (int i = 0; i < ticks.values().size(); i++) {
            double value = ticks.values().get(i);
            assertTrue(value >= min - tolerance && value <= max + tolerance, () -> value + " outside [" + min + ", " + max + "]");
            assertEquals(value, Double.parseDouble(ticks.labels().get(i)), tolerance);
            if (i > 0) {
                assertEquals(ticks.step(), value - ticks.values().get(i - 1), tolerance);
            }
            double multiple = value / ticks.step();
            assertEquals(Math.rint(multiple), multiple, 1e-6, () -> value + " is not a multiple of " + ticks.step());
        }
    }
}
