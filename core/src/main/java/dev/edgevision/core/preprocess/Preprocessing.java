package dev.edgevision.core.preprocess;

import dev.edgevision.core.model.InputSpec;
import dev.edgevision.core.model.Polarity;

/**
 * An implementation of the frame loop's pixel work, chosen once at start-up like the backend:
 * {@link #java()} is the pure-Java reference; edge modules (OpenCV) offer faster ones that a parity
 * test holds to the same tensors and boxes. Each {@link FramePreprocessor} it opens serves one model
 * input on one thread; each {@link RegionFinder} it opens serves one thread too.
 */
public interface Preprocessing {
    /** Short name for logs and figures, e.g. {@code java} or {@code opencv}. */
    String name();

    /**
     * A pre-processor for {@code spec}'s input, for frames whose ink polarity is {@code framePolarity}
     * (see {@link dev.edgevision.core.model.PixelScaling#needsInversion}).
     */
    FramePreprocessor open(InputSpec spec, Polarity framePolarity);

    /**
     * A region finder for the classifier path, with the same choice of implementation: by default the
     * pure-Java {@link DigitRegionFinder}; edge modules return theirs.
     */
    default RegionFinder regionFinder(DigitRegionFinder.Settings settings) {
        return new DigitRegionFinder(settings);
    }

    /** The pure-Java reference: {@link FrameResizer} and {@link Grayscale}. */
    static Preprocessing java() {
        return JavaPreprocessing.INSTANCE;
    }
}
