package dev.edgevision.core.detect;

/**
 * One thing found in a frame.
 *
 * @param label human-readable class name from the model's labels
 * @param classId index of the class in the model's labels
 * @param score confidence in [0, 1]
 * @param box where, in source-frame pixels
 */
public record Detection(String label, int classId, double score, BoundingBox box) {
}
