package dev.edgevision.trainer.detector.scenes;

import dev.edgevision.core.frame.PixelFormat;

/**
 * What the generated scenes look like.
 *
 * @param width frame width, pixels
 * @param height frame height, pixels
 * @param format pixel layout of the frames (RGB24, BGR24 or GRAY8)
 * @param minDigits fewest digits in a scene that has digits
 * @param maxDigits most digits in a scene (fewer when they do not fit without overlap)
 * @param emptyFraction share of scenes with no digit at all
 * @param minDigitHeight smallest digit, pixels: the upright height of the glyph's ink, before rotation
 * @param maxDigitHeight largest digit, pixels
 * @param maxRotationDegrees largest rotation either way
 * @param maxOverlap most two digits' boxes may overlap, as a share of the smaller box (so their IoU stays below it too)
 * @param nuisances what the camera and the desk add
 */
public record SceneSettings(int width, int height, PixelFormat format, int minDigits, int maxDigits,
        double emptyFraction, int minDigitHeight, int maxDigitHeight, double maxRotationDegrees, double maxOverlap,
        Nuisances nuisances) {
    /** Rejects settings that cannot make a scene, naming the field and the value. */
    public SceneSettings {
        if (width < 32 || height < 32 || width > 8192 || height > 8192) {
            throw new IllegalArgumentException("scene size must be 32..8192 pixels each way, got " + width + "x" + height);
        }
        if (format == null) {
            throw new IllegalArgumentException("scene pixel format is missing");
        }
        if (minDigits < 0 || maxDigits < minDigits || maxDigits > 50) {
            throw new IllegalArgumentException("digits per scene must satisfy 0 <= min <= max <= 50, got "
                    + minDigits + ".." + maxDigits);
        }
        if (!(emptyFraction >= 0 && emptyFraction <= 1)) {
            throw new IllegalArgumentException("emptyFraction must be in 0..1, got " + emptyFraction);
        }
        if (minDigitHeight < 8 || maxDigitHeight < minDigitHeight || maxDigitHeight > Math.min(width, height) - 4) {
            throw new IllegalArgumentException("digit height must satisfy 8 <= min <= max <= " + (Math.min(width, height) - 4)
                    + " for " + width + "x" + height + " frames, got " + minDigitHeight + ".." + maxDigitHeight);
        }
        if (!(maxRotationDegrees >= 0 && maxRotationDegrees <= 90)) {
            throw new IllegalArgumentException("maxRotationDegrees must be in 0..90, got " + maxRotationDegrees);
        }
        if (!(maxOverlap >= 0 && maxOverlap <= 1)) {
            throw new IllegalArgumentException("maxOverlap must be in 0..1, got " + maxOverlap);
        }
        if (nuisances == null) {
            throw new IllegalArgumentException("scene nuisances are missing; use Nuisances.none() for none");
        }
    }

    /**
     * The digit detector's training scenes: 640x480 RGB, 1..6 digits 30..150 px tall with 10 % of
     * scenes empty, rotation up to 20 degrees either way, boxes overlapping at most 10 % of the
     * smaller one, and every camera and desk nuisance ({@link Nuisances#camera()}).
     */
    public static SceneSettings digits() {
        return new SceneSettings(640, 480, PixelFormat.RGB24, 1, 6, 0.1, 30, 150, 20, 0.1, Nuisances.camera());
    }

    /** These settings at another frame size, with the digit heights shrunk to fit if needed. */
    public SceneSettings withSize(int newWidth, int newHeight) {
        int limit = Math.max(8, Math.min(newWidth, newHeight) - 4);
        int max = Math.min(maxDigitHeight, limit);
        return new SceneSettings(newWidth, newHeight, format, minDigits, maxDigits, emptyFraction,
                Math.min(minDigitHeight, max), max, maxRotationDegrees, maxOverlap, nuisances);
    }

    /** These settings with other nuisances. */
    public SceneSettings withNuisances(Nuisances other) {
        return new SceneSettings(width, height, format, minDigits, maxDigits, emptyFraction, minDigitHeight,
                maxDigitHeight, maxRotationDegrees, maxOverlap, other);
    }

    /** These settings with another count of digits per scene and share of empty scenes. */
    public SceneSettings withDigits(int min, int max, double empty) {
        return new SceneSettings(width, height, format, min, max, empty, minDigitHeight, maxDigitHeight,
                maxRotationDegrees, maxOverlap, nuisances);
    }

    /** These settings with other digit heights and rotation. */
    public SceneSettings withGeometry(int minHeight, int maxHeight, double rotationDegrees) {
        return new SceneSettings(width, height, format, minDigits, maxDigits, emptyFraction, minHeight, maxHeight,
                rotationDegrees, maxOverlap, nuisances);
    }

    /** These settings with frames in another pixel layout. */
    public SceneSettings withFormat(PixelFormat other) {
        return new SceneSettings(width, height, other, minDigits, maxDigits, emptyFraction, minDigitHeight,
                maxDigitHeight, maxRotationDegrees, maxOverlap, nuisances);
    }
}
