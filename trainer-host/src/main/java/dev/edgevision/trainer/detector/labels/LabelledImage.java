package dev.edgevision.trainer.detector.labels;

import java.nio.file.Path;
import java.util.List;

/**
 * An image and the objects labelled in it; an empty list marks an image with no object.
 *
 * @param image the image file
 * @param width image width in pixels
 * @param height image height in pixels
 * @param boxes the labelled objects
 */
public record LabelledImage(Path image, int width, int height, List<LabelledBox> boxes) {
}
