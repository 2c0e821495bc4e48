package dev.edgevision.trainer.classifier;

/**
 * Figures of one training epoch.
 *
 * @param epoch 1-based epoch number
 * @param trainLoss mean loss over the epoch's (augmented) training batches
 * @param trainAccuracy accuracy on a fixed, unaugmented sample of the training split
 * @param validationLoss mean cross-entropy on the validation split
 * @param validationAccuracy accuracy on the validation split
 * @param seconds wall time of the epoch, evaluation included
 */
public record EpochStats(int epoch, double trainLoss, double trainAccuracy, double validationLoss,
        double validationAccuracy, double seconds) {
}
