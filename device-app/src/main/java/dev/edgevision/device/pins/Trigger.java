package dev.edgevision.device.pins;

import dev.edgevision.core.detect.DetectionRecord;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The capture button: a debounced press arms it, and the first record of its camera whose frame was
 * captured at or after the press goes to the sink (the trigger topic). A press while armed waits for
 * the same frame. The line is polled on the pins thread; records come on the camera's thread.
 */
public final class Trigger {
    private static final Logger LOG = LoggerFactory.getLogger(Trigger.class);
    private static final long NOT_ARMED = Long.MIN_VALUE;

    private final GpioLines.InputLine line;
    private final String camera;
    private final boolean activeLow;
    private final Debouncer debouncer;
    private final BiConsumer<String, DetectionRecord> sink;
    private final AtomicLong armedAt = new AtomicLong(NOT_ARMED);
    private final AtomicLong presses = new AtomicLong();
    private final AtomicLong published = new AtomicLong();

    /** @param sink gets the camera and the record captured after a press */
    public Trigger(GpioLines.InputLine line, String camera, boolean activeLow, long debounceMs,
            BiConsumer<String, DetectionRecord> sink) {
        this.line = line;
        this.camera = camera;
        this.activeLow = activeLow;
        this.debouncer = new Debouncer(debounceMs);
        this.sink = sink;
    }

    /** Reads the line at {@code nowMs} (the pins clock); a debounced press arms a capture stamped {@code wallMs}. */
    public void poll(long nowMs, long wallMs) throws PinException {
        if (debouncer.sample(line.level() != activeLow, nowMs)) {
            press(wallMs);
        }
    }

    /** Arms a capture of the next frame captured at or after {@code wallMs} (epoch milliseconds). */
    public void press(long wallMs) {
        presses.incrementAndGet();
        armedAt.compareAndSet(NOT_ARMED, wallMs);
        LOG.info("pins: trigger ({}) armed: capturing the next frame of {}", line.pin(), camera);
    }

    /** Hands {@code record} to the sink when a press is waiting for it; returns at once otherwise. */
    public void record(String fromCamera, DetectionRecord record) {
        long since = armedAt.get();
        if (since == NOT_ARMED || !camera.equals(fromCamera) || captured(record) < since) {
            return;
        }
        if (armedAt.compareAndSet(since, NOT_ARMED)) {
            published.incrementAndGet();
            sink.accept(fromCamera, record);
        }
    }

    private static long captured(DetectionRecord record) {
        try {
            return Instant.parse(record.ts()).toEpochMilli();
        } catch (DateTimeParseException | NullPointerException e) {
            return Long.MAX_VALUE;
        }
    }

    /** Debounced presses so far. */
    public long presses() {
        return presses.get();
    }

    /** Records handed to the sink so far. */
    public long published() {
        return published.get();
    }

    public String camera() {
        return camera;
    }
}
