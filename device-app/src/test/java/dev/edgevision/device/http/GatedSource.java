package dev.edgevision.device.http;

import dev.edgevision.core.frame.CaptureStatus;
import dev.edgevision.core.frame.Frame;
import dev.edgevision.core.frame.FrameSource;
import dev.edgevision.core.frame.SourceStatus;
import java.time.Duration;

/** A source that delivers its delegate's frames only once {@link #open()} is called; before that it times out. */
final class GatedSource implements FrameSource {
    private final FrameSource delegate;
    private volatile boolean open;

    GatedSource(FrameSource delegate) {
        this.delegate = delegate;
    }

    void open() {
        open = true;
    }

    @Override
    public String uri() {
        return delegate.uri();
    }

    @Override
    public CaptureStatus grab(Frame into, Duration timeout) {
        if (!open) {
            try {
                Thread.sleep(Math.min(50, timeout.toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return CaptureStatus.TIMEOUT;
        }
        return delegate.grab(into, timeout);
    }

    @Override
    public SourceStatus status() {
        return delegate.status();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
