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
import dev.edgevision.core.preprocess.Preprocessing;
import dev.edgevision.ort.OrtRunner;
import java.util.List;

/**
 * Opens the detector a bundle needs: a {@code task: detection} bundle through {@link ObjectDetector}
 * (decoder from its manifest, boxes mapped back to frame pixels); a classifier whose manifest says
 * {@code resize: mnist} names every digit-like mark through {@link RegionClassifier}; one that says
 * {@code stretch} or {@code letterbox} names the whole frame through {@link FrameClassifier}. Their
 * pixel work is the process's {@link PreprocessingSelector} choice (OpenCV where it loads).
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

    /**
     * Largest batch a runner for {@code bundle} needs: classifiers classify a frame's regions in one
     * batch of up to {@link #MAX_REGIONS}; detectors see the whole frame once.
     */
    public static int maxBatch(ModelBundle bundle) {
        return bundle.manifest().task() == Task.DETECTION ? 1 : MAX_REGIONS;
    }

    /** Opens a detector for {@code bundle} on ONNX Runtime (the TensorRT backend's runners come from {@link BackendRunners}). */
    public static Detector open(ModelBundle bundle, BackendSelection selection, double threshold, int threads)
            throws DetectorException {
        if (selection.backend() != BackendChoice.ONNXRUNTIME) {
            throw new IllegalArgumentException("TensorRT runners come from BackendRunners, which builds the engine");
        }
        String resize = check(bundle);
        return open(bundle, resize, new OrtRunner(bundle, maxBatch(bundle), threads), threshold);
    }

    /** Opens a detector for {@code bundle} that runs on {@code runner}; the detector closes it. */
    public static Detector open(ModelBundle bundle, ModelRunner runner, double threshold) throws DetectorException {
        String resize;
        try {
            resize = check(bundle);
        } catch (DetectorException e) {
            runner.close();
            throw e;
        }
        return open(bundle, resize, runner, threshold);
    }

    private static Detector open(ModelBundle bundle, String resize, ModelRunner runner, double threshold)
            throws DetectorException {
        Preprocessing pixels;
        try {
            pixels = PreprocessingSelector.selected().preprocessing();
        } catch (RuntimeException e) {
            runner.close();
            throw e;
        }
        if (bundle.manifest().task() == Task.DETECTION) {
            try {
                return new ObjectDetector(runner, bundle.manifest(), identity(bundle), threshold, FRAME_POLARITY,
                        bundle.path().toString(), pixels);
            } catch (DetectorException | RuntimeException e) {
                runner.close();
                throw e;
            }
        }
        if ("mnist".equals(resize)) {
            return new RegionClassifier(runner, bundle.manifest(), identity(bundle), threshold, pixels);
        }
        return new FrameClassifier(runner, bundle.manifest(), identity(bundle), threshold, FRAME_POLARITY, pixels);
    }

    /** The bundle's resize mode, once its task and resize are known to be served here. */
    private static String check(ModelBundle bundle) throws DetectorException {
        if (bundle.manifest().task() != Task.CLASSIFICATION && bundle.manifest().task() != Task.DETECTION) {
            throw new DetectorException(bundle.path() + ": task '" + bundle.manifest().task().wireName()
                    + "' is not supported by this version of the device software");
        }
        String resize = bundle.manifest().input().resize() == null ? "stretch" : bundle.manifest().input().resize();
        List<String> served = bundle.manifest().task() == Task.DETECTION ? List.of("stretch", "letterbox")
                : List.of("mnist", "stretch", "letterbox");
        if (!served.contains(resize)) {
            throw new DetectorException(bundle.path() + ": input.resize '" + resize + "' is not one of "
                    + String.join(", ", served) + " for task '" + bundle.manifest().task().wireName() + "'");
        }
        return resize;
    }
}
