package dev.edgevision.trainer.detector.train;

import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * The detector's learning rate by step: a linear warm-up over the first steps, then a polynomial
 * decay towards a floor of 5 % of the peak at the last step. Stored with the network (DL4J
 * serialises schedules into checkpoints, and its own warm-up schedule cannot be read back).
 */
public final class WarmupDecaySchedule implements ISchedule {
    private static final double FLOOR = 0.05;
    private static final double POWER = 1.5;

    private final double peak;
    private final int warmupSteps;
    private final int totalSteps;

    public WarmupDecaySchedule(@JsonProperty("peak") double peak, @JsonProperty("warmupSteps") int warmupSteps,
            @JsonProperty("totalSteps") int totalSteps) {
        this.peak = peak;
        this.warmupSteps = warmupSteps;
        this.totalSteps = totalSteps;
    }

    @Override
    public double valueAt(int iteration, int epoch) {
        double warm = Math.min(1.0, (iteration + 1.0) / Math.max(1, warmupSteps));
        double left = Math.max(0.0, 1.0 - (double) iteration / Math.max(1, totalSteps));
        return peak * warm * Math.max(FLOOR, Math.pow(left, POWER));
    }

    @Override
    public ISchedule clone() {
        return new WarmupDecaySchedule(peak, warmupSteps, totalSteps);
    }

    /**
     * Equal schedules make equal updaters, which DL4J groups into one block of optimiser state; a
     * schedule without value equality splits the blocks differently after a checkpoint is read back
     * and the restored optimiser state lands on the wrong parameters.
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof WarmupDecaySchedule o && o.peak == peak && o.warmupSteps == warmupSteps
                && o.totalSteps == totalSteps;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(peak, warmupSteps, totalSteps);
    }

    @JsonProperty("peak")
    public double peak() {
        return peak;
    }

    @JsonProperty("warmupSteps")
    public int warmupSteps() {
        return warmupSteps;
    }

    @JsonProperty("totalSteps")
    public int totalSteps() {
        return totalSteps;
    }
}
