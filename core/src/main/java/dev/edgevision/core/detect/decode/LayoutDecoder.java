package dev.edgevision.core.detect.decode;

import dev.edgevision.core.model.ModelManifest;
import java.util.HashSet;
import java.util.Set;

/**
 * What every detection decoder type shares, so that each subclass only reads its own tensor
 * layout: refusing parameters the type does not read, the common settings, the label count, and
 * picking a box's best class.
 */
abstract class LayoutDecoder implements DetectionDecoder {
    /** {@link #bestClass} with no column to skip. */
    static final int NO_SKIP = -1;

    private final String type;
    private final DecoderSettings settings;
    /** Number of labels: C in the layouts. */
    final int classes;

    /**
     * Refuses parameters other than {@code keys} and the common settings' keys, then reads the
     * common settings.
     *
     * @param keys the parameters this type reads besides {@link DecoderSettings#KEYS}
     */
    LayoutDecoder(String type, Set<String> keys, ModelManifest manifest, DecoderParameters p)
            throws DecoderException {
        Set<String> known = new HashSet<>(DecoderSettings.KEYS);
        known.addAll(keys);
        p.allowOnly(known);
        this.type = type;
        this.settings = DecoderSettings.read(p);
        this.classes = manifest.labels().size();
    }

    @Override
    public final String type() {
        return type;
    }

    @Override
    public final DecoderSettings settings() {
        return settings;
    }

    /**
     * The index of the highest of {@code count} class scores {@code values[first + k * step]}, the
     * lowest index on ties (and when the first candidate is NaN); column {@code skip}, a background
     * class or {@link #NO_SKIP}, is never chosen.
     */
    static int bestClass(float[] values, int first, int step, int count, int skip) {
        int best = skip == 0 ? 1 : 0;
        for (int k = best + 1; k < count; k++) {
            if (k != skip && values[first + k * step] > values[first + best * step]) {
                best = k;
            }
        }
        return best;
    }
}
