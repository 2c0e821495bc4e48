package dev.edgevision.device.pins;

/**
 * The status LED: shows a {@link LedPattern}, restarting it when the pattern changes, and writes
 * the line only when the LED's level changes. {@link #tick} runs on the pins thread.
 */
public final class StatusLed {
    private final GpioLines.OutputLine line;
    private final boolean activeLow;
    private volatile LedPattern pattern = LedPattern.STARTING;
    private LedPattern showing;
    private long since;
    private Boolean lit;

    public StatusLed(GpioLines.OutputLine line, boolean activeLow) {
        this.line = line;
        this.activeLow = activeLow;
    }

    /** Shows {@code next} from the next tick on; the same pattern again changes nothing. */
    public void show(LedPattern next) {
        pattern = next;
    }

    /** Drives the LED for the time {@code nowMs}. */
    public void tick(long nowMs) throws PinException {
        LedPattern wanted = pattern;
        if (showing != wanted) {
            showing = wanted;
            since = nowMs;
        }
        boolean on = showing.litAt(nowMs - since);
        if (lit == null || on != lit) {
            line.level(on != activeLow);
            lit = on;
        }
    }

    /** Darkens the LED (at shutdown). */
    public void off() throws PinException {
        line.level(activeLow);
        lit = false;
    }

    /** The pattern shown now. */
    public LedPattern pattern() {
        return pattern;
    }

    /** Whether the LED is lit now. */
    public boolean lit() {
        return Boolean.TRUE.equals(lit);
    }
}
