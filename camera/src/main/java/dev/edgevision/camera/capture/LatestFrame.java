package dev.edgevision.camera.capture;

import dev.edgevision.core.frame.CaptureStatus;
import dev.edgevision.core.frame.Frame;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Hands the newest frame from one capture thread to its consumer without a queue. Three reusable
 * buffers take turns: the producer writes one, one holds the newest finished frame, the consumer
 * copies from the third. Publishing over a frame nobody took drops it (and counts it), so a slow
 * consumer always gets the freshest image and latency cannot grow; steady state allocates nothing.
 */
public final class LatestFrame {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ReentrantLock consumer = new ReentrantLock();
    private Frame writing = new Frame();
    private Frame ready = new Frame();
    private Frame reading = new Frame();
    private boolean fresh;
    private long published;
    private long dropped;
    private CaptureStatus ending;

    /** The buffer the producer fills next. It is the producer's until {@link #publish()}. */
    public Frame writable() {
        return writing;
    }

    /** Makes the written buffer the newest frame; the previous one is dropped if nobody took it. */
    public void publish() {
        lock.lock();
        try {
            if (fresh) {
                dropped++;
            }
            swapWritingAndReady();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Like {@link #publish()} but waits until the consumer took the previous frame, so none is
     * dropped. Returns false, publishing nothing, if the hand-off ended while waiting.
     */
    public boolean publishWhenTaken() throws InterruptedException {
        lock.lock();
        try {
            while (fresh && ending == null) {
                changed.await();
            }
            if (ending != null) {
                return false;
            }
            swapWritingAndReady();
            return true;
        } finally {
            lock.unlock();
        }
    }

    private void swapWritingAndReady() {
        Frame previous = ready;
        ready = writing;
        writing = previous;
        fresh = true;
        published++;
        changed.signalAll();
    }

    /**
     * Waits up to {@code timeoutNanos} for a frame not taken yet and copies it into {@code into}.
     * Returns {@link CaptureStatus#OK}, {@link CaptureStatus#TIMEOUT}, or the status given to
     * {@link #end} once no frame is left.
     */
    public CaptureStatus take(Frame into, long timeoutNanos) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutNanos;
        if (!consumer.tryLock(Math.max(0, timeoutNanos), TimeUnit.NANOSECONDS)) {
            return CaptureStatus.TIMEOUT;
        }
        try {
            lock.lock();
            try {
                while (!fresh) {
                    if (ending != null) {
                        return ending;
                    }
                    long remaining = deadline - System.nanoTime();
                    if (remaining <= 0) {
                        return CaptureStatus.TIMEOUT;
                    }
                    changed.awaitNanos(remaining);
                }
                Frame newest = ready;
                ready = reading;
                reading = newest;
                fresh = false;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
            into.copyFrom(reading);
            return CaptureStatus.OK;
        } finally {
            consumer.unlock();
        }
    }

    /**
     * No frame will follow: once the waiting frame (if any) is taken, {@link #take} returns
     * {@code status} at once, and a producer blocked in {@link #publishWhenTaken()} returns. The first
     * call wins.
     */
    public void end(CaptureStatus status) {
        lock.lock();
        try {
            if (ending == null) {
                ending = status;
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Frames published so far (the last sequence number handed out). */
    public long published() {
        lock.lock();
        try {
            return published;
        } finally {
            lock.unlock();
        }
    }

    /** Frames overwritten before anybody took them. */
    public long dropped() {
        lock.lock();
        try {
            return dropped;
        } finally {
            lock.unlock();
        }
    }
}
