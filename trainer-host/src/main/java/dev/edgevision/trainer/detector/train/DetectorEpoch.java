package dev.edgevision.trainer.detector.train;

/**
 * Figures of one training epoch.
 *
 * @param epoch 1-based epoch number
 * @param trainLoss mean YOLO loss over the epoch's steps
 * @param validationLoss YOLO loss on the validation set
 * @param validationMap mAP@0.5 on the validation set
 * @param seconds wall time of the epoch, validation included
 */
public record DetectorEpoch(int epoch, double trainLoss, double validationLoss, double validationMap,
        double seconds) {
}
