package dev.edgevision.device.pins;

import dev.edgevision.core.detect.Detection;
import dev.edgevision.core.detect.DetectionRecord;

/**
 * An output that is active while a label is seen: it goes active at the first record holding the
 * label, stays active until the label has been unseen for {@code holdMs}, and once released stays
 * inactive for at least {@code minOffMs} (a label seen meanwhile activates it when that time is up,
 * if it was seen within {@code holdMs}). Records arrive on the cameras' threads and only stamp a
 * time; {@link #tick} decides and drives the line, on the pins thread.
 */
public final class LabelOutput {
    private final String label;
    private final String camera;
    private final GpioLines.OutputLine line;
    private final boolean activeLow;
    private final long holdMs;
    private final long minOffMs;
    private volatile long lastSeen = Long.MIN_VALUE;
    private boolean active;
    private long releasedAt = Long.MIN_VALUE;
    private long activations;

    /** @param camera the camera whose records count, or null for all */
    public LabelOutput(String label, String camera, GpioLines.OutputLine line, boolean activeLow, long holdMs,
            long minOffMs) {
        this.label = label;
        this.camera = camera;
        this.line = line;
        this.activeLow = activeLow;
        this.holdMs = holdMs;
        this.minOffMs = minOffMs;
    }

    /** Notes that {@code record} of {@code fromCamera} holds the label, at {@code nowMs}; returns at once. */
    public void record(String fromCamera, DetectionRecord record, long nowMs) {
        if (camera != null && !camera.equals(fromCamera)) {
            return;
        }
        for (Detection d : record.detections()) {
            if (label.equals(d.label())) {
                lastSeen = nowMs;
                return;
            }
        }
    }

    /** Drives the line for the time {@code nowMs}. */
    public void tick(long nowMs) throws PinException {
        long seen = lastSeen;
        boolean wanted = seen != Long.MIN_VALUE && nowMs - seen < holdMs;
        if (wanted && !active && (releasedAt == Long.MIN_VALUE || nowMs - releasedAt >= minOffMs)) {
            drive(true);
            activations++;
        } else if (!wanted && active) {
            drive(false);
            releasedAt = nowMs;
        }
    }

    /** Drives the line inactive (at shutdown). */
    public void release() throws PinException {
        drive(false);
    }

    private void drive(boolean on) throws PinException {
        line.level(on != activeLow);
        active = on;
    }

    /** Whether the output is active now. */
    public boolean active() {
        return active;
    }

    /** How many times it went active. */
    public long activations() {
        return activations;
    }

    public String label() {
        return label;
    }
}
