package dev.edgevision.trainer.detector.eval;

/**
 * One point of a precision/recall curve: the figures when every detection scoring at least
 * {@code score} is kept.
 *
 * @param score the lowest score kept
 * @param recall share of true boxes found
 * @param precision share of kept detections that are right
 */
public record PrPoint(double score, double recall, double precision) {
}
