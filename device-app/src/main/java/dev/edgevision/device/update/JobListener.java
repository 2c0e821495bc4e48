package dev.edgevision.device.update;

/** Hears every change of every job (called on the update thread: hand work over, never throw). */
@FunctionalInterface
public interface JobListener {
    void changed(JobStatus status);
}
