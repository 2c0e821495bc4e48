/**
 * Scoring a detector the way COCO does at one IoU threshold: predictions are matched greedily by
 * score to the true boxes of their class (each true box at most once), average precision is the
 * mean of the interpolated precision at 101 recall points, and mAP is its mean over the classes
 * that have true boxes. Also the figures a deployment cares about at one score threshold: true
 * and false detections, misses, and false detections per frame that holds no object.
 */
package dev.edgevision.trainer.detector.eval;
