package dev.edgevision.device.bench;

import dev.edgevision.core.frame.CaptureStatus;
import dev.edgevision.core.frame.Frame;
import dev.edgevision.core.frame.FrameSource;
import dev.edgevision.core.frame.SourceState;
import dev.edgevision.core.frame.SourceStatus;
import java.time.Duration;
import java.util.List;

/**
 * Hands out pre-rendered frames in a loop, as fast as they are taken, stamping each as captured
 * at the moment it is handed out: a camera that costs nothing, so the benchmark measures the
 * pipeline and not the frame generator. It hands out nothing until {@link #open()} is called, so
 * the pipeline can be assembled before the measurement starts. Several workers may grab at once.
 */
public final class ReplaySource implements FrameSource {
    private final List<Frame> frames;
    private long sequence;
    private volatile boolean open;

    public ReplaySource(List<Frame> frames) {
        this.frames = frames;
    }

    @Override
    public String uri() {
        return "replay://" + frames.size() + "-frames";
    }

    @Override
    public synchronized CaptureStatus grab(Frame into, Duration timeout) {
        if (!open) {
            try {
                Thread.sleep(Math.min(10, timeout.toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return CaptureStatus.TIMEOUT;
        }
        Frame next = frames.get((int) (sequence % frames.size()));
        into.copyFrom(next);
        sequence++;
        into.stamp(sequence, System.nanoTime(), System.currentTimeMillis());
        return CaptureStatus.OK;
    }

    /** Starts handing out frames. */
    public void open() {
        open = true;
    }

    /** Frames handed out so far. */
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
