package dev.edgevision.device.update;

/** Stopping the one background thread an update component runs (the engine's jobs, hawkBit's polls). */
public final class WorkerThread {
    private WorkerThread() {
    }

    /**
     * Interrupts {@code thread} (null: nothing runs) and waits up to 5 s for it to end; an interrupt
     * of the caller while it waits is kept for the caller.
     */
    public static void stop(Thread thread) {
        if (thread == null) {
            return;
        }
        thread.interrupt();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
