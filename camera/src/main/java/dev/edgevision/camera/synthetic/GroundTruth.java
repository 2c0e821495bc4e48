package dev.edgevision.camera.synthetic;

import dev.edgevision.core.detect.BoundingBox;

/**
 * What the synthetic camera drew: one digit and the tightest box around its visible ink (pixels
 * where the blurred ink covers at least a quarter of the pixel), in pixels of the frame.
 *
 * @param label the digit 0..9, from the MNIST label of the glyph
 * @param box where it is
 */
public record GroundTruth(int label, BoundingBox box) {
}
