package dev.edgevision.device.systemd;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Decides whether the service is healthy enough to ping systemd's watchdog: every enabled camera's
 * processed-frame counter must have advanced within the last {@code stallAfterNanos}. A camera
 * whose thread is wedged (a driver that never returns, a detector that hangs) or whose source has
 * ended stops the pings, and systemd restarts the service after {@code WatchdogSec}. A disabled
 * camera is not watched; one enabled again is given a fresh window.
 */
public final class FrameWatchdog {
    /** One camera as the watchdog sees it. */
    public record Camera(String name, boolean enabled, long processed) {
    }

    /** The outcome of one check: healthy, or the cameras that stalled and for how long. */
    public record Verdict(boolean healthy, List<String> stalled, long longestStallMillis) {
    }

    private final Supplier<List<Camera>> cameras;
    private final LongSupplier clock;
    private final long stallAfterNanos;
    private final Map<String, long[]> seen = new HashMap<>();

    /**
     * @param cameras the cameras now, with their counters
     * @param clock nanoseconds ({@link System#nanoTime()} in service)
     * @param stallAfterNanos how long a counter may stand still before the camera counts as stalled
     */
    public FrameWatchdog(Supplier<List<Camera>> cameras, LongSupplier clock, long stallAfterNanos) {
        if (stallAfterNanos <= 0) {
            throw new IllegalArgumentException("stallAfterNanos must be positive, got " + stallAfterNanos);
        }
        this.cameras = cameras;
        this.clock = clock;
        this.stallAfterNanos = stallAfterNanos;
    }

    /** Reads every camera's counter now; healthy when each enabled one advanced recently (none enabled: idle, healthy). */
    public synchronized Verdict check() {
        long now = clock.getAsLong();
        List<String> stalled = new ArrayList<>();
        long longest = 0;
        for (Camera c : cameras.get()) {
            if (!c.enabled()) {
                seen.remove(c.name());
                continue;
            }
            long[] last = seen.get(c.name());
            if (last == null || c.processed() != last[0]) {
                seen.put(c.name(), new long[] {c.processed(), now});
                continue;
            }
            long still = now - last[1];
            if (still >= stallAfterNanos) {
                stalled.add(c.name());
                longest = Math.max(longest, still / 1_000_000);
            }
        }
        return new Verdict(stalled.isEmpty(), stalled, longest);
    }
}
