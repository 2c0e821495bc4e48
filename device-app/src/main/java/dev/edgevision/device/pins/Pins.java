package dev.edgevision.device.pins;

import dev.edgevision.core.detect.DetectionRecord;
import dev.edgevision.device.config.PinsSection;
import dev.edgevision.device.service.ApplianceListener;
import dev.edgevision.device.status.DeviceStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pins as a listener of the service: the status LED follows {@link #onStatus}, label outputs
 * and the trigger follow {@link #onRecord}. Every line is requested at {@link #open} and held until
 * {@link #close()}; one thread ("pins") drives the LED and the outputs and polls the button every
 * {@value #TICK_MS} ms, so no camera thread ever waits on a GPIO.
 */
public final class Pins implements ApplianceListener {
    /** How often the pins thread drives and polls its lines. */
    public static final long TICK_MS = 5;
    static final long DEFAULT_HOLD_MS = 500;
    static final long DEFAULT_DEBOUNCE_MS = 30;

    private static final Logger LOG = LoggerFactory.getLogger(Pins.class);

    private final GpioLines lines;
    private final StatusLed led;
    private final List<LabelOutput> outputs;
    private final Trigger trigger;
    private final LongSupplier nowMs;
    private final LongSupplier wallMs;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile String lastError;

    private Pins(GpioLines lines, StatusLed led, List<LabelOutput> outputs, Trigger trigger, LongSupplier nowMs,
            LongSupplier wallMs, boolean startThread) {
        this.lines = lines;
        this.led = led;
        this.outputs = List.copyOf(outputs);
        this.trigger = trigger;
        this.nowMs = nowMs;
        this.wallMs = wallMs;
        this.thread = startThread ? new Thread(this::loop, "pins") : null;
        if (thread != null) {
            thread.setDaemon(true);
            thread.start();
        }
    }

    /**
     * Requests every configured line from {@code lines} (taking ownership: it is closed with the pins,
     * or at once when a line cannot be had) and starts the pins thread.
     *
     * @param sink gets each record captured after a trigger press (the trigger topic)
     */
    public static Pins open(PinsSection config, GpioLines lines, BiConsumer<String, DetectionRecord> sink)
            throws PinException {
        return open(config, lines, sink, () -> System.nanoTime() / 1_000_000, System::currentTimeMillis, true);
    }

    /**
     * As {@link #open(PinsSection, GpioLines, BiConsumer)} on the clocks {@code nowMs} (monotonic)
     * and {@code wallMs} (epoch, compared with the records' capture times); without the thread when
     * {@code startThread} is false, so a test calls {@link #tick()} itself.
     */
    public static Pins open(PinsSection config, GpioLines lines, BiConsumer<String, DetectionRecord> sink,
            LongSupplier nowMs, LongSupplier wallMs, boolean startThread) throws PinException {
        try {
            StatusLed led = null;
            if (config.led() != null) {
                boolean low = Boolean.TRUE.equals(config.led().activeLow());
                led = new StatusLed(lines.output(config.led().pin(), low), low);
            }
            List<LabelOutput> outputs = new ArrayList<>();
            for (PinsSection.Output o : config.outputs()) {
                boolean low = Boolean.TRUE.equals(o.activeLow());
                outputs.add(new LabelOutput(o.label(), o.camera(), lines.output(o.pin(), low), low,
                        o.holdMs() == null ? DEFAULT_HOLD_MS : o.holdMs(), o.minOffMs() == null ? 0 : o.minOffMs()));
            }
            Trigger trigger = null;
            if (config.trigger() != null) {
                PinsSection.Trigger t = config.trigger();
                trigger = new Trigger(lines.input(t.pin()), t.camera(), Boolean.TRUE.equals(t.activeLow()),
                        t.debounceMs() == null ? DEFAULT_DEBOUNCE_MS : t.debounceMs(), sink);
            }
            Pins pins = new Pins(lines, led, outputs, trigger, nowMs, wallMs, startThread);
            LOG.info("pins: {} holds {} line(s): {}", lines.name(), (led == null ? 0 : 1) + outputs.size()
                    + (trigger == null ? 0 : 1), pins.describe(config));
            return pins;
        } catch (PinException | RuntimeException e) {
            lines.close();
            throw e;
        }
    }

    private String describe(PinsSection c) {
        List<String> parts = new ArrayList<>();
        if (c.led() != null) {
            parts.add("status LED on " + c.led().pin());
        }
        c.outputs().forEach(o -> parts.add("'" + o.label() + "' on " + o.pin()));
        if (c.trigger() != null) {
            parts.add("trigger for " + c.trigger().camera() + " on " + c.trigger().pin());
        }
        return String.join(", ", parts);
    }

    @Override
    public void onStatus(DeviceStatus status) {
        if (led != null) {
            led.show(LedPattern.of(status));
        }
    }

    @Override
    public void onRecord(String camera, DetectionRecord record) {
        long now = nowMs.getAsLong();
        for (LabelOutput o : outputs) {
            o.record(camera, record, now);
        }
        if (trigger != null) {
            trigger.record(camera, record);
        }
    }

    /** Drives the LED and the outputs and polls the button once, at the clocks' time now. */
    public void tick() throws PinException {
        long now = nowMs.getAsLong();
        if (led != null) {
            led.tick(now);
        }
        for (LabelOutput o : outputs) {
            o.tick(now);
        }
        if (trigger != null) {
            trigger.poll(now, wallMs.getAsLong());
        }
    }

    private void loop() {
        while (running) {
            try {
                tick();
                lastError = null;
            } catch (PinException | RuntimeException e) {
                if (!String.valueOf(e.getMessage()).equals(lastError)) {
                    LOG.warn("pins: {}", e.getMessage());
                }
                lastError = String.valueOf(e.getMessage());
            }
            try {
                Thread.sleep(TICK_MS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** The status LED, or null. */
    public StatusLed led() {
        return led;
    }

    public List<LabelOutput> outputs() {
        return outputs;
    }

    /** The trigger, or null. */
    public Trigger trigger() {
        return trigger;
    }

    /** The lines' provider. */
    public GpioLines lines() {
        return lines;
    }

    /** Stops the pins thread, darkens the LED, releases the outputs, then the lines. */
    @Override
    public void close() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            if (led != null) {
                led.off();
            }
            for (LabelOutput o : outputs) {
                o.release();
            }
        } catch (PinException | RuntimeException e) {
            LOG.warn("pins: at shutdown: {}", e.getMessage());
        }
        lines.close();
    }
}
