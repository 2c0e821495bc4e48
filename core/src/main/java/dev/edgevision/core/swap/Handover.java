package dev.edgevision.core.swap;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * A replacement handed from one thread to the thread that uses the current value. Any thread
 * {@link #offer offers} a new value; the user's thread {@link #take takes} it at its next use, so it
 * never waits for the offering thread and never sees a half-prepared value. A value offered while
 * another waits replaces it (the waiting one is discarded), and values offered after
 * {@link #close} are discarded at once, so nothing offered is leaked.
 *
 * @param <T> what is handed over: a model runner, a detector
 */
public final class Handover<T> {
    private final AtomicReference<T> pending = new AtomicReference<>();
    private final Consumer<? super T> discard;
    private volatile boolean closed;

    /** @param discard releases a value that will never be taken (closes it) */
    public Handover(Consumer<? super T> discard) {
        this.discard = discard;
    }

    /** Hands {@code next} over; the user takes it at its next use. */
    public void offer(T next) {
        T replaced = pending.getAndSet(next);
        if (replaced != null) {
            discard.accept(replaced);
        }
        if (closed) {
            discardPending();
        }
    }

    /** The value offered since the last take, or null; called by the user's thread. */
    public T take() {
        return pending.getAndSet(null);
    }

    /** Whether a value waits to be taken. */
    public boolean pending() {
        return pending.get() != null;
    }

    /** Discards what waits and everything offered from now on. */
    public void close() {
        closed = true;
        discardPending();
    }

    private void discardPending() {
        T left = pending.getAndSet(null);
        if (left != null) {
            discard.accept(left);
        }
    }
}
