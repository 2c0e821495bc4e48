package dev.edgevision.device.pins;

import dev.edgevision.device.status.DeviceStatus;
import dev.edgevision.device.status.UpdateHealth;
import java.util.Set;

/**
 * What the status LED shows, each a repeating sequence of on and off times in milliseconds:
 * starting blinks slowly, running is steady, degraded blinks fast, updating blinks twice and
 * pauses, offline is dark.
 */
public enum LedPattern {
    OFF(0, 1000),
    STARTING(500, 500),
    RUNNING(1000, 0),
    DEGRADED(100, 100),
    UPDATING(100, 150, 100, 650);

    private static final Set<String> UPDATE_RUNNING = Set.of("queued", "in_progress");

    private final long[] steps;
    private final long period;

    LedPattern(long... onOff) {
        this.steps = onOff;
        long sum = 0;
        for (long s : onOff) {
            sum += s;
        }
        this.period = sum;
    }

    /** Whether the LED is lit {@code elapsedMs} after the pattern began. */
    public boolean litAt(long elapsedMs) {
        long t = Math.floorMod(elapsedMs, period);
        for (int i = 0; i < steps.length; i++) {
            if (t < steps[i]) {
                return i % 2 == 0;
            }
            t -= steps[i];
        }
        return false;
    }

    /** The pattern for {@code status}: an update job that is running wins over the service's state. */
    public static LedPattern of(DeviceStatus status) {
        UpdateHealth update = status.update();
        if (update != null && UPDATE_RUNNING.contains(update.state()) && !DeviceStatus.OFFLINE.equals(status.state())) {
            return UPDATING;
        }
        String state = status.state() == null ? "" : status.state();
        switch (state) {
            case "starting":
                return STARTING;
            case DeviceStatus.ONLINE:
                return RUNNING;
            case DeviceStatus.OFFLINE:
                return OFF;
            default:
                return DEGRADED;
        }
    }
}
