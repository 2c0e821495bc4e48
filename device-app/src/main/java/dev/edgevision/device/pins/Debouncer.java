package dev.edgevision.device.pins;

/**
 * Turns a bouncing button line into presses: the line must read pressed for {@code debounceMs}
 * without a break to count as one press, and released for as long before the next press can count.
 * Fed with samples and their times, so it runs on any clock.
 */
public final class Debouncer {
    private final long debounceMs;
    private boolean stable;
    private boolean candidate;
    private long candidateSince;
    private boolean started;

    public Debouncer(long debounceMs) {
        this.debounceMs = debounceMs;
    }

    /** Takes the line's reading {@code pressed} at {@code nowMs}; true exactly once per debounced press. */
    public boolean sample(boolean pressed, long nowMs) {
        if (!started) {
            started = true;
            stable = pressed;
            candidate = pressed;
            candidateSince = nowMs;
            return false;
        }
        if (pressed != candidate) {
            candidate = pressed;
            candidateSince = nowMs;
            return false;
        }
        if (candidate != stable && nowMs - candidateSince >= debounceMs) {
            stable = candidate;
            return stable;
        }
        return false;
    }

    /** The debounced state: true while pressed. */
    public boolean pressed() {
        return stable;
    }
}
