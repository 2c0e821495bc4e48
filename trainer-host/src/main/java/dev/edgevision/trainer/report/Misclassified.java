package dev.edgevision.trainer.report;

/**
 * A test image the classifier got wrong, with the confidence of its wrong answer.
 *
 * @param pixels         grayscale 0..255, row-major, {@code width * height} bytes
 * @param width          image width in pixels
 * @param height         image height in pixels
 * @param trueLabel      the correct class
 * @param predictedLabel the class the model chose
 * @param confidence     the model's probability for {@code predictedLabel}, in [0, 1]
 */
public record Misclassified(byte[] pixels, int width, int height, String trueLabel, String predictedLabel,
        double confidence) {
    /** Checks that the pixels fill the image and keeps a copy of them. */
    public Misclassified {
        if (width <= 0 || height <= 0 || pixels.length != width * height) {
            throw new IllegalArgumentException(pixels.length + " pixels do not fill " + width + "x" + height);
        }
        pixels = pixels.clone();
    }

    /** A copy of the pixels. */
    @Override
    public byte[] pixels() {
        return pixels.clone();
    }
}
