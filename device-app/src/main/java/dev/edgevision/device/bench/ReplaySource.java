package dev.edgevision.device.bench;

import dev.edgevision.core.frame.CaptureStatus;
import dev.edgevision.core.frame.Frame;
import dev.edgevision.core.frame.FrameSource;
import dev.edgevision.core.frame.SourceState;
import dev.edgevision.core.frame.SourceStatus;
import java.time.Duration;
import java.util.List;

/**
 * Hands out pre-rendered frames in a loop: a camera that costs nothing, so the benchmark measures
 * the pipeline and not the frame generator. Unpaced, a frame is handed out as soon as it is asked
 * for and stamped as captured at that moment. Paced at {@code fps}, frame {@code n} is captured
 * {@code n / fps} seconds after {@link #open()}, and a consumer that comes late gets the newest
 * frame captured by then (the ones in between are dropped, as a camera drops them), stamped with
 * its capture time. It hands out nothing until {@link #open()} is called, so the pipeline can be
 * assembled before the measurement starts. Several workers may grab at once.
 */
public final class ReplaySource implements FrameSource {
    private final List<Frame> frames;
    private final double fps;
    private final long periodNanos;
    private long sequence;
    private long openedNanos;
    private long openedMillis;
    private volatile boolean open;

    /** A replay handed out as fast as it is taken. */
    public ReplaySource(List<Frame> frames) {
        this(frames, 0);
    }

    /** A replay captured at {@code fps} frames per second, or as fast as it is taken for 0. */
    public ReplaySource(List<Frame> frames, double fps) {
        this.frames = frames;
        this.fps = Math.max(0, fps);
        this.periodNanos = fps > 0 ? (long) (1e9 / fps) : 0;
    }

    @Override
    public String uri() {
        return "replay://" + frames.size() + "-frames";
    }

    @Override
    public synchronized CaptureStatus grab(Frame into, Duration timeout) {
        if (!open) {
            sleepNanos(Math.min(10_000_000L, timeout.toNanos()));
            return CaptureStatus.TIMEOUT;
        }
        long captured = System.nanoTime();
        if (periodNanos > 0) {
            long next = Math.max(sequence + 1, (System.nanoTime() - openedNanos) / periodNanos);
            long due = openedNanos + next * periodNanos;
            long wait = due - System.nanoTime();
            if (wait > timeout.toNanos()) {
                sleepNanos(timeout.toNanos());
                return CaptureStatus.TIMEOUT;
            }
            sleepNanos(wait);
            sequence = next - 1;
            captured = due;
        }
        Frame source = frames.get((int) (sequence % frames.size()));
        into.copyFrom(source);
        sequence++;
        into.stamp(sequence, captured, periodNanos > 0 ? openedMillis + (captured - openedNanos) / 1_000_000
                : System.currentTimeMillis());
        return CaptureStatus.OK;
    }

    private static void sleepNanos(long nanos) {
        if (nanos <= 0) {
            return;
        }
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Frames per second it is captured at, 0 when handed out as fast as taken. */
    public double fps() {
        return fps;
    }

    /** Starts handing out frames. */
    public synchronized void open() {
        openedNanos = System.nanoTime();
        openedMillis = System.currentTimeMillis();
        open = true;
    }

    /** Frames handed out so far (paced: captured so far, handed out or dropped). */
    public synchronized long handedOut() {
        return sequence;
    }

    @Override
    public synchronized SourceStatus status() {
        return new SourceStatus(uri(), SourceState.STREAMING, sequence, 0, 0, null);
    }

    @Override
    public void close() {
    }
}
