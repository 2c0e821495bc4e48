package dev.edgevision.opencv;

import dev.edgevision.core.model.InputSpec;
import dev.edgevision.core.model.Polarity;
import dev.edgevision.core.preprocess.DigitRegionFinder;
import dev.edgevision.core.preprocess.FramePreprocessor;
import dev.edgevision.core.preprocess.Preprocessing;
import dev.edgevision.core.preprocess.RegionFinder;

/**
 * {@link Preprocessing} through OpenCV: {@link OpenCvFramePreprocessor} per model input and
 * {@link OpenCvRegionFinder} for the classifier path. Open it
 * only once {@link OpenCvRuntime#available()}.
 */
public final class OpenCvPreprocessing implements Preprocessing {
    /** Refuses to exist when OpenCV's natives do not load, saying why. */
    public OpenCvPreprocessing() {
        if (!OpenCvRuntime.available()) {
            throw new IllegalStateException(OpenCvRuntime.problem());
        }
    }

    @Override
    public String name() {
        return "opencv";
    }

    @Override
    public FramePreprocessor open(InputSpec spec, Polarity framePolarity) {
        return new OpenCvFramePreprocessor(spec, framePolarity);
    }

    @Override
    public RegionFinder regionFinder(DigitRegionFinder.Settings settings) {
        return new OpenCvRegionFinder(settings);
    }

    @Override
    public String toString() {
        return name();
    }
}
