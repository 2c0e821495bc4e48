package dev.edgevision.core.inference;

import dev.edgevision.core.detect.decode.DecoderSettings;
import dev.edgevision.core.model.ModelManifest;
import dev.edgevision.core.model.Task;

/**
 * The lowest score a device reports for a model, from one source for every command: the user's
 * override when given, else what the bundle ships with. A detector's manifest carries the
 * threshold chosen on validation as its decoder's {@code score_threshold}; a classifier's manifest
 * carries none, so {@link #CLASSIFIER_DEFAULT} applies.
 */
public final class ReportingThreshold {
    /** Lowest reported score for a classifier whose manifest declares no threshold. */
    public static final double CLASSIFIER_DEFAULT = 0.5;

    private ReportingThreshold() {
    }

    /**
     * @param override the user's threshold (configuration or command line), or null for the bundle's
     * @throws IllegalArgumentException when the override is outside [0, 1]
     */
    public static double of(ModelManifest manifest, Double override) {
        if (override != null) {
            if (!(override >= 0 && override <= 1)) {
                throw new IllegalArgumentException("threshold must be in [0, 1], got " + override);
            }
            return override;
        }
        return shipped(manifest);
    }

    /** The threshold the bundle ships with. */
    public static double shipped(ModelManifest manifest) {
        if (manifest.task() != Task.DETECTION || manifest.decoder() == null || manifest.decoder().parameters() == null) {
            return CLASSIFIER_DEFAULT;
        }
        Object declared = manifest.decoder().parameters().get("score_threshold");
        return declared instanceof Number n && n.doubleValue() >= 0 && n.doubleValue() <= 1 ? n.doubleValue()
                : DecoderSettings.DEFAULT_SCORE_THRESHOLD;
    }
}
