package dev.edgevision.core.detect.decode;

import java.util.Set;

/**
 * What every detection decoder declares besides its tensor layout, read from the manifest's
 * {@code decoder.parameters}.
 *
 * @param scoreThreshold {@code score_threshold}: candidates scoring below it are dropped before
 *     non-maximum suppression (the device's own threshold applies on top when it is higher)
 * @param iouThreshold {@code iou_threshold}: a box overlapping a better box of the same class by
 *     more than this intersection over union is suppressed
 * @param maxDetections {@code max_detections}: most detections reported per frame
 */
public record DecoderSettings(double scoreThreshold, double iouThreshold, int maxDetections) {
    /** Defaults when a manifest leaves a key out. */
    public static final double DEFAULT_SCORE_THRESHOLD = 0.25;
    public static final double DEFAULT_IOU_THRESHOLD = 0.45;
    public static final int DEFAULT_MAX_DETECTIONS = 100;
    /** The parameter keys read here, which every decoder type accepts. */
    static final Set<String> KEYS = Set.of("score_threshold", "iou_threshold", "max_detections");

    /** Reads the three keys from {@code parameters}, with defaults and range checks. */
    static DecoderSettings read(DecoderParameters parameters) throws DecoderException {
        return new DecoderSettings(
                parameters.number("score_threshold", DEFAULT_SCORE_THRESHOLD, 0, 1),
                parameters.number("iou_threshold", DEFAULT_IOU_THRESHOLD, 0, 1),
                parameters.integer("max_detections", DEFAULT_MAX_DETECTIONS, 1, 10_000));
    }
}
