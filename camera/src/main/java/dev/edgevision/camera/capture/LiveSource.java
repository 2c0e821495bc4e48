package dev.edgevision.camera.capture;

import dev.edgevision.core.frame.CaptureStatus;
import dev.edgevision.core.frame.Frame;
import dev.edgevision.core.frame.FrameSource;
import dev.edgevision.core.frame.SourceState;
import dev.edgevision.core.frame.SourceStatus;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link FrameSource} that captures on its own thread: opens its {@link CaptureDevice}, reads
 * frames into a {@link LatestFrame}, numbers and timestamps them, and reopens the device with
 * {@link Backoff} when it fails. The consumer's {@link #grab} never waits longer than its timeout,
 * and {@link #close()} stops the thread within about two seconds even if the device hangs.
 */
public final class LiveSource implements FrameSource {
    private static final System.Logger LOG = System.getLogger(LiveSource.class.getName());
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(2);

    private final String uri;
    private final CaptureDevice device;
    private final Delivery delivery;
    private final boolean loop;
    private final Backoff backoff;
    private final LatestFrame latest = new LatestFrame();
    private final AtomicLong reopened = new AtomicLong();
    private final Thread thread;
    private volatile SourceState state = SourceState.OPENING;
    private volatile String lastError;
    private volatile boolean closing;
    private int failures;

    private LiveSource(String uri, CaptureDevice device, Delivery delivery, boolean loop, Backoff backoff) {
        this.uri = uri;
        this.device = device;
        this.delivery = delivery;
        this.loop = loop;
        this.backoff = backoff;
        this.thread = new Thread(this::run, "capture " + uri);
        thread.setDaemon(true);
    }

    /**
     * Starts capturing from {@code device}.
     *
     * @param uri how the source is named in status and logs (with any password already masked)
     * @param loop start again from the beginning when a finite device ends
     */
    public static LiveSource start(String uri, CaptureDevice device, Delivery delivery, boolean loop,
            Backoff backoff) {
        LiveSource source = new LiveSource(uri, device, delivery, loop, backoff);
        source.thread.start();
        return source;
    }

    @Override
    public String uri() {
        return uri;
    }

    /**
     * Copies the newest frame not returned before into {@code into}. While the source is reconnecting,
     * a wait that brings no frame ends in {@link CaptureStatus#ERROR} (see {@link #status()}) rather
     * than {@link CaptureStatus#TIMEOUT}, so the owner can tell a dead camera from a slow one.
     */
    @Override
    public CaptureStatus grab(Frame into, Duration timeout) {
        try {
            CaptureStatus result = latest.take(into, timeout.toNanos());
            return result == CaptureStatus.TIMEOUT && state == SourceState.RECONNECTING ? CaptureStatus.ERROR : result;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CaptureStatus.TIMEOUT;
        }
    }

    @Override
    public SourceStatus status() {
        return new SourceStatus(uri, state, latest.published(), latest.dropped(), reopened.get(), lastError);
    }

    @Override
    public void close() {
        closing = true;
        device.abort();
        thread.interrupt();
        latest.end(CaptureStatus.ERROR);
        try {
            thread.join(CLOSE_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.log(System.Logger.Level.WARNING, "{0}: capture thread still blocked in the device {1} after close;"
                    + " it ends when the device returns", uri, CLOSE_WAIT);
        }
        state = SourceState.CLOSED;
    }

    private void run() {
        try {
            while (!closing && openAndPump()) {
                // another pass: a loop back to the start, or a reopen after back-off
            }
        } catch (InterruptedException e) {
            // close() interrupts the back-off sleep and blocked hand-offs
        } catch (Throwable e) {
            fail("capture stopped by an unexpected " + e, e);
        } finally {
            device.close();
            if (closing) {
                state = SourceState.CLOSED;
                latest.end(CaptureStatus.ERROR);
            }
        }
    }

    /** One pass from open to end or failure; returns whether to go on with another pass. */
    private boolean openAndPump() throws InterruptedException {
        try {
            device.open(this::warn);
            if (failures > 0) {
                reopened.incrementAndGet();
            }
            long frames = pump();
            device.close();
            if (closing) {
                return false;
            }
            if (!loop) {
                state = SourceState.ENDED;
                latest.end(CaptureStatus.END_OF_STREAM);
                return false;
            }
            if (frames == 0) {
                fail("delivered no frame from start to end, so there is nothing to loop over", null);
                return false;
            }
            return true;
        } catch (SourceFailedException e) {
            device.close();
            fail(e.getMessage(), null);
            return false;
        } catch (IOException | RuntimeException | OutOfMemoryError | StackOverflowError e) {
            // One bad frame (or a device that fails) never ends the capture thread: it reopens with back-off.
            device.close();
            if (closing) {
                return false;
            }
            failures++;
            Duration wait = backoff.delay(failures);
            lastError = describe(e);
            state = SourceState.RECONNECTING;
            LOG.log(System.Logger.Level.WARNING, uri + ": " + lastError + "; reopening in " + wait.toMillis()
                    + " ms (attempt " + failures + ")", e instanceof RuntimeException ? e : null);
            Thread.sleep(wait.toMillis(), wait.toNanosPart() % 1_000_000);
            return true;
        }
    }

    private long pump() throws IOException, InterruptedException {
        long frames = 0;
        while (!closing) {
            Frame target = latest.writable();
            if (!device.read(target)) {
                return frames;
            }
            target.stamp(latest.published() + 1, System.nanoTime(), System.currentTimeMillis());
            failures = 0;
            if (state != SourceState.STREAMING) {
                state = SourceState.STREAMING;
            }
            if (delivery == Delivery.EVERY) {
                if (!latest.publishWhenTaken()) {
                    return frames;
                }
            } else {
                latest.publish();
            }
            frames++;
        }
        return frames;
    }

    private void warn(String message) {
        lastError = message;
        LOG.log(System.Logger.Level.WARNING, "{0}: {1}", uri, message);
    }

    private void fail(String message, Throwable cause) {
        lastError = message;
        state = SourceState.FAILED;
        latest.end(CaptureStatus.ERROR);
        LOG.log(System.Logger.Level.ERROR, uri + ": " + message, cause);
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
