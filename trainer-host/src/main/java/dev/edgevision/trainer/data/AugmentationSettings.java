package dev.edgevision.trainer.data;

/**
 * How much {@link DigitAugmenter} may distort an image. {@link #digits()} suits handwritten
 * digits; {@link #none()} turns augmentation off. Mirror flips suit only sets whose classes
 * survive them (clothing, some objects), never digits.
 *
 * @param maxShiftPixels largest shift in each direction
 * @param maxRotationDegrees largest rotation either way
 * @param maxScaleChange largest relative change of size (0.1 means 90 %..110 %)
 * @param maxShear largest horizontal shear factor
 * @param elasticAlpha strength of the elastic deformation in pixels (0 turns it off)
 * @param elasticSigma smoothness of the elastic deformation in pixels
 * @param noiseStd standard deviation of added Gaussian noise on the 0..1 scale
 * @param horizontalFlip whether mirror images may be produced
 * @param maxStrokeChange largest change of stroke width, as a blend towards a 3x3 grey dilation
 *     (thicker) or erosion (thinner) of the image: 0.5 goes up to half way either way; 0 turns it off
 */
public record AugmentationSettings(
        double maxShiftPixels,
        double maxRotationDegrees,
        double maxScaleChange,
        double maxShear,
        double elasticAlpha,
        double elasticSigma,
        double noiseStd,
        boolean horizontalFlip,
        double maxStrokeChange) {

    /** Distortions that keep a handwritten digit the same digit. */
    public static AugmentationSettings digits() {
        return new AugmentationSettings(2.0, 10, 0.1, 0.1, 0.5, 3.0, 0.02, false, 0.0);
    }

    /** No augmentation: images are used as they are. */
    public static AugmentationSettings none() {
        return new AugmentationSettings(0, 0, 0, 0, 0, 3.0, 0, false, 0);
    }

    /** The same settings with another stroke-width change. */
    public AugmentationSettings withStrokeChange(double change) {
        return new AugmentationSettings(maxShiftPixels, maxRotationDegrees, maxScaleChange, maxShear, elasticAlpha,
                elasticSigma, noiseStd, horizontalFlip, change);
    }

    /** The same settings with another elastic deformation (strength and smoothness in pixels). */
    public AugmentationSettings withElastic(double alpha, double sigma) {
        return new AugmentationSettings(maxShiftPixels, maxRotationDegrees, maxScaleChange, maxShear, alpha, sigma,
                noiseStd, horizontalFlip, maxStrokeChange);
    }

    /** Whether any distortion is asked for. */
    public boolean enabled() {
        return maxShiftPixels != 0 || maxRotationDegrees != 0 || maxScaleChange != 0 || maxShear != 0
                || elasticAlpha != 0 || noiseStd != 0 || horizontalFlip || maxStrokeChange != 0;
    }
}
