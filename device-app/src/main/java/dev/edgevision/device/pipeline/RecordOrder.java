package dev.edgevision.device.pipeline;

import java.time.Duration;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * Puts out one camera's records in the order its frames were grabbed while several workers detect
 * at once. Each grabbed frame takes a {@link #ticket}; its worker publishes between
 * {@link #awaitTurn} and {@link #done}, or {@link #pass passes} when the frame gave no record. A
 * worker waits at most {@code patience} for the frames ahead of it; then it goes first and the
 * frames it overtook lose their records when they finish ({@code awaitTurn} says so), so a record
 * never goes out after a later frame's and one stuck frame does not hold up the camera.
 */
final class RecordOrder {
    private final long patienceNanos;
    private final TreeSet<Long> passed = new TreeSet<>();
    private long issued;
    private long turn;
    private boolean publishing;

    RecordOrder(Duration patience) {
        this.patienceNanos = patience.toNanos();
    }

    /** The next frame's place; call it in the order frames are grabbed. */
    synchronized long ticket() {
        return issued++;
    }

    /**
     * Waits until the frames ahead of {@code ticket} are out, at most the patience (longer only
     * while one of them is being published). True: publish, then call {@link #done}. False: a later
     * frame went first, so this one's record is dropped.
     */
    synchronized boolean awaitTurn(long ticket) {
        long deadline = System.nanoTime() + patienceNanos;
        boolean interrupted = false;
        while (turn < ticket) {
            long left = deadline - System.nanoTime();
            if (left <= 0 && !publishing) {
                turn = ticket;
                passed.headSet(ticket).clear();
                break;
            }
            try {
                if (left > 0) {
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                } else {
                    wait();
                }
            } catch (InterruptedException e) {
                interrupted = true;
                deadline = 0;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (turn > ticket) {
            return false;
        }
        publishing = true;
        return true;
    }

    /** The record of {@code ticket} is out (or failed to go out): the next frame's turn. */
    synchronized void done(long ticket) {
        publishing = false;
        advancePast(ticket);
    }

    /** {@code ticket}'s frame gives no record (its detection failed): the frames behind it need not wait for it. */
    synchronized void pass(long ticket) {
        if (turn == ticket) {
            advancePast(ticket);
        } else if (turn < ticket) {
            passed.add(ticket);
        }
    }

    private void advancePast(long ticket) {
        turn = ticket + 1;
        while (passed.remove(turn)) {
            turn++;
        }
        notifyAll();
    }
}
