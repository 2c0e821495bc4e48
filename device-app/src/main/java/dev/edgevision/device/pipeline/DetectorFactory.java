package dev.edgevision.device.pipeline;

import dev.edgevision.core.detect.Detector;
import dev.edgevision.core.detect.DetectorException;
import dev.edgevision.core.detect.ModelIdentity;
import dev.edgevision.core.inference.FrameClassifier;
import dev.edgevision.core.inference.ModelRunner;
import dev.edgevision.core.inference.ObjectDetector;
import dev.edgevision.core.inference.RegionClassifier;
import dev.edgevision.core.model.ModelBundle;
import dev.edgevision.core.model.Polarity;
import dev.edgevision.core.model.Task;
import dev.edgevision.ort.OrtRunner;
import java.util.List;

/**
 * Opens the detector a bundle needs on the selected backend: a detection model ({@code task:
 * detection}) runs on whole frames through {@link ObjectDetector} with the decoder its manifest
 * declares; a classifier whose manifest says {@code resize: mnist} names every digit-like mark
 * through {@link RegionClassifier}; one that says {@code stretch} or {@code letterbox} names the
 * whole frame through {@link FrameClassifier}.
 */
public final class DetectorFactory {
    /** What the appliance's cameras look at: dark ink on paper. Natural-image models ignore it. */
    public static final Polarity FRAME_POLARITY = Polarity.DARK_ON_LIGHT;

    /** Most regions one frame is classified in (one batch). */
    public static final int MAX_REGIONS = 32;

    private DetectorFactory() {
    }

    /** The model's identity as records carry it. */
    public static ModelIdentity identity(ModelBundle bundle) {
        return new ModelIdentity(bundle.manifest().name(), bundle.manifest().version(), bundle.sha256());
    }

    /** Opens a detector for {@code bundle} on {@code selection}'s backend. */
    public static Detector open(ModelBundle bundle, BackendSelection selection, double threshold, int threads)
            throws DetectorException {
        if (bundle.manifest().task() == Task.DETECTION) {
            ModelRunner runner = runner(bundle, selection, threads);
            try {
                return new ObjectDetector(runner, bundle.manifest(), identity(bundle), threshold, FRAME_POLARITY,
                        bundle.path().toString());
            } catch (DetectorException | RuntimeException e) {
                runner.close();
                throw e;
            }
        }
        if (bundle.manifest().task() != Task.CLASSIFICATION) {
            throw new DetectorException(bundle.path() + ": task '" + bundle.manifest().task().wireName()
                    + "' is not supported by this version of the device software");
        }
        String resize = bundle.manifest().input().resize() == null ? "stretch" : bundle.manifest().input().resize();
        if (!List.of("mnist", "stretch", "letterbox").contains(resize)) {
            throw new DetectorException(bundle.path() + ": input.resize '" + resize
                    + "' is not one of mnist, stretch, letterbox");
        }
        ModelRunner runner = runner(bundle, selection, threads);
        if ("mnist".equals(resize)) {
            return new RegionClassifier(runner, bundle.manifest(), identity(bundle), threshold);
        }
        return new FrameClassifier(runner, bundle.manifest(), identity(bundle), threshold, FRAME_POLARITY);
    }

    /**
     * The bare backend runner for {@code bundle} (also for benchmarks): batch up to
     * {@link #MAX_REGIONS} for classifiers, which classify a frame's regions in one batch; batch 1
     * for detectors, which see the whole frame once.
     */
    public static ModelRunner runner(ModelBundle bundle, BackendSelection selection, int threads)
            throws DetectorException {
        if (selection.backend() == BackendChoice.TENSORRT) {
            throw new DetectorException("the TensorRT backend is not part of this build");
        }
        int maxBatch = bundle.manifest().task() == Task.DETECTION ? 1 : MAX_REGIONS;
        return new OrtRunner(bundle, maxBatch, threads);
    }
}
