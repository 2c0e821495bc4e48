package dev.edgevision.trainer.classifier;

/** Hears how training goes: the progress bar and the logs. */
public interface TrainingListener {
    /** After each batch: {@code done} of {@code total} examples of epoch {@code epoch} seen. */
    default void batchDone(int epoch, int maxEpochs, int done, int total, double loss) {
    }

    /** After each epoch, with whether it is the best so far. */
    default void epochDone(EpochStats stats, boolean best) {
    }

    /** A step of the run worth a line of its own (the data it made, say). */
    default void note(String message) {
    }

    /** When training stops, with the reason. */
    default void stopped(String reason) {
    }

    TrainingListener NONE = new TrainingListener() {
    };
}
