package dev.edgevision.trainer.detector.train;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a detector run stands, saved with every checkpoint so a stopped run resumes where it was.
 *
 * @param settings the run's settings; a resume refuses different ones
 * @param classes class names in id order
 * @param anchors fitted anchors in grid cells
 * @param history one entry per finished epoch
 * @param bestEpoch epoch of the best validation mAP so far (0 before the first)
 * @param trainingSeconds wall time spent training so far, over all sessions
 */
public record TrainingState(DetectorTrainingSettings settings, List<String> classes, List<double[]> anchors,
        List<DetectorEpoch> history, int bestEpoch, double trainingSeconds) {

    /** A run that has not trained yet. */
    public static TrainingState start(DetectorTrainingSettings settings, List<String> classes, List<double[]> anchors) {
        return new TrainingState(settings, classes, anchors, List.of(), 0, 0);
    }

    /** Epochs finished. */
    public int epochsDone() {
        return history.size();
    }

    /** Best validation mAP so far, or -1. */
    public double bestMap() {
        return bestEpoch == 0 ? -1 : history.get(bestEpoch - 1).validationMap();
    }

    /** The same state under {@code other} settings (a resumed run given more epochs). */
    public TrainingState withSettings(DetectorTrainingSettings other) {
        return new TrainingState(other, classes, anchors, history, bestEpoch, trainingSeconds);
    }

    /** The state after one more epoch. */
    public TrainingState after(DetectorEpoch epoch, boolean best) {
        List<DetectorEpoch> h = new ArrayList<>(history);
        h.add(epoch);
        return new TrainingState(settings, classes, anchors, h, best ? epoch.epoch() : bestEpoch,
                trainingSeconds + epoch.seconds());
    }
}
