package dev.edgevision.camera.capture;

import dev.edgevision.core.frame.Frame;
import dev.edgevision.core.frame.PixelFormat;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A scriptable camera: 64x48 grey frames at a fixed interval, each holding the camera's own frame
 * counter in its first eight bytes. It can refuse to open, get unplugged after some frames, or hang
 * in a read until the source aborts it.
 */
final class FakeCamera implements CaptureDevice {
    final List<Long> openAttempts = new CopyOnWriteArrayList<>();
    volatile int failingOpens;
    volatile int unplugAfter = -1;
    volatile boolean hang;
    volatile boolean closed;
    private final long intervalMillis;
    private final CountDownLatch aborted = new CountDownLatch(1);
    private long counter;
    private int framesThisOpen;

    FakeCamera(long intervalMillis) {
        this.intervalMillis = intervalMillis;
    }

    @Override
    public void open(Warnings warnings) throws IOException {
        openAttempts.add(System.nanoTime());
        closed = false;
        if (failingOpens > 0) {
            failingOpens--;
            throw new IOException("fake camera is not plugged in");
        }
        framesThisOpen = 0;
    }

    @Override
    public boolean read(Frame into) throws IOException {
        if (hang) {
            try {
                aborted.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new InterruptedIOException();
            }
            throw new IOException("closed");
        }
        if (unplugAfter >= 0 && framesThisOpen >= unplugAfter) {
            unplugAfter = -1;
            throw new IOException("fake camera was unplugged");
        }
        try {
            Thread.sleep(intervalMillis);
        } catch (InterruptedException e) {
            throw new InterruptedIOException();
        }
        byte[] data = into.reshape(64, 48, PixelFormat.GRAY8);
        long value = ++counter;
        for (int i = 0; i < 8; i++) {
            data[i] = (byte) (value >>> (8 * i));
        }
        framesThisOpen++;
        return true;
    }

    static long counterOf(Frame frame) {
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value |= (frame.data()[i] & 0xFFL) << (8 * i);
        }
        return value;
    }

    @Override
    public void abort() {
        aborted.countDown();
    }

    @Override
    public void close() {
        closed = true;
    }
}
