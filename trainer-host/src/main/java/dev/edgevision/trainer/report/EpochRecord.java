package dev.edgevision.trainer.report;

/**
 * The figures of one training epoch. Accuracies are fractions in [0, 1]; a value that was not
 * measured (e.g. no validation set) is NaN and left out of the charts.
 *
 * @param epoch              epoch number, counted from 1
 * @param trainLoss          mean loss over the training set
 * @param trainAccuracy      accuracy on the training set
 * @param validationLoss     mean loss over the validation set
 * @param validationAccuracy accuracy on the validation set
 * @param seconds            wall-clock time the epoch took
 */
public record EpochRecord(int epoch, double trainLoss, double trainAccuracy, double validationLoss,
        double validationAccuracy, double seconds) {
}
