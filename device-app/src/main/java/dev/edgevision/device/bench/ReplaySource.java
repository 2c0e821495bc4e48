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
 * pipeline and not the frame generator.
 */
public final class ReplaySource implements FrameSource {
    private final List<Frame> frames;
    private long sequence;

    public ReplaySource(List<Frame> frames) {
        this.frames = frames;
    }

    @Override
    public String uri() {
        return "replay://" + frames.size() + "-frames";
    }

    @Override
    public CaptureStatus grab(Frame into, Duration timeout) {
        Frame next = frames.get((int) (sequence % frames.size()));
        into.copyFrom(next);
        sequence++;
        into.stamp(sequence, System.nanoTime(), System.currentTimeMillis());
        return CaptureStatus.OK;
    }

    @Override
    public SourceStatus status() {
        return new SourceStatus(uri(), SourceState.STREAMING, sequence, 0, 0, null);
    }

    @Override
    public void close() {
    }
}
