package dev.edgevision.device.pipeline;

import dev.edgevision.core.detect.Detector;
import dev.edgevision.core.detect.DetectorException;
import dev.edgevision.core.detect.ModelIdentity;
import dev.edgevision.core.frame.Frame;
import dev.edgevision.core.inference.ReportingThreshold;
import dev.edgevision.core.model.BundleException;
import dev.edgevision.core.model.ModelBundle;
import dev.edgevision.tensorrt.build.BuildSettings;
import dev.edgevision.tensorrt.serve.EngineStatus;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One bundle served on the selected backend: its runners (with TensorRT, the engine prepared in the
 * background), the threshold it reports at, and the detectors opened on it for each pipeline. It is
 * released when it has been {@link #retire retired} and the last of its detectors has closed, so a
 * pipeline that has not yet moved to a newer model keeps a working one.
 */
public final class ServedModel {
    private static final Logger LOG = LoggerFactory.getLogger(ServedModel.class);

    private final ModelBundle bundle;
    private final ModelIdentity identity;
    private final BackendSelection selection;
    private final BackendRunners runners;
    private final double threshold;
    private int openDetectors;
    private boolean retired;
    private boolean released;

    private ServedModel(ModelBundle bundle, BackendSelection selection, BackendRunners runners, double threshold) {
        this.bundle = bundle;
        this.identity = DetectorFactory.identity(bundle);
        this.selection = selection;
        this.runners = runners;
        this.threshold = threshold;
    }

    /**
     * Starts serving {@code bundle}: on TensorRT when {@code selected} says so (made of {@code parts},
     * null for this machine's), falling back to the CPU with the reason when TensorRT cannot take it.
     *
     * @param threshold the user's lowest reported score, or null for the bundle's own
     */
    public static ServedModel start(ModelBundle bundle, BackendSelection selected, BuildSettings settings, int threads,
            BackendRunners.EngineParts parts, Double threshold) throws BundleException {
        double reported = ReportingThreshold.of(bundle.manifest(), threshold);
        BackendSelection selection = selected;
        BackendRunners runners;
        try {
            runners = parts == null ? BackendRunners.start(bundle, selection, settings, threads)
                    : BackendRunners.start(bundle, selection, settings, threads, parts);
        } catch (BundleException e) {
            selection = new BackendSelection(BackendChoice.ONNXRUNTIME, "CPU fallback: " + e.getMessage());
            runners = BackendRunners.start(bundle, selection, settings, threads);
        }
        LOG.info("model {} {} from {} (sha256 {}), scores from {}{}; backend {}: {}", bundle.manifest().name(),
                bundle.manifest().version(), bundle.path(), bundle.sha256().substring(0, 12), reported,
                threshold == null ? " (the bundle's)" : "", selection.backend().name().toLowerCase(Locale.ROOT),
                selection.reason() + (selection.backend() == BackendChoice.TENSORRT ? "; the engine is prepared in"
                        + " the background and onnxruntime-cpu serves until it is ready and validated" : ""));
        return new ServedModel(bundle, selection, runners, reported);
    }

    /** A detector of this model for the pipeline {@code name}; the caller closes it. */
    public Detector open(String name) throws DetectorException {
        synchronized (this) {
            if (retired) {
                throw new IllegalStateException(identity.name() + " " + identity.version() + " is no longer served");
            }
            openDetectors++;
        }
        try {
            return new Counted(DetectorFactory.open(bundle, runners.open(name), threshold));
        } catch (DetectorException | RuntimeException e) {
            detectorClosed();
            throw e;
        }
    }

    /** Stops serving: the runners are released once every detector opened on this model has closed. */
    public void retire() {
        synchronized (this) {
            retired = true;
            if (openDetectors > 0 || released) {
                return;
            }
            released = true;
        }
        runners.close();
    }

    private void detectorClosed() {
        synchronized (this) {
            openDetectors--;
            if (!retired || openDetectors > 0 || released) {
                return;
            }
            released = true;
        }
        runners.close();
    }

    public ModelBundle bundle() {
        return bundle;
    }

    public ModelIdentity identity() {
        return identity;
    }

    /** The lowest score reported: the user's threshold, else the bundle's. */
    public double threshold() {
        return threshold;
    }

    /** The backend selected for this model (TensorRT falls back to the CPU when it cannot take the bundle). */
    public BackendSelection selection() {
        return selection;
    }

    /** Why the backend serving now serves. */
    public String backendReason() {
        return runners.reason();
    }

    /** The TensorRT engine's progress, when TensorRT was selected. */
    public Optional<EngineStatus> engineStatus() {
        return runners.engineStatus();
    }

    /** Calls {@code listener} (from the engine build's thread) whenever the engine's status changes. */
    public void onBackendChange(Runnable listener) {
        runners.onChange(listener);
    }

    /** Waits for the engine, for offline commands; true when it ended in time or none was wanted. */
    public boolean awaitEngine(Duration timeout) throws InterruptedException {
        return runners.awaitEngine(timeout);
    }

    /** The runners themselves, for the benchmark's raw inference measurement. */
    public BackendRunners runners() {
        return runners;
    }

    /** A detector that tells its model when it closes. */
    private final class Counted implements Detector {
        private final Detector detector;
        private boolean closed;

        Counted(Detector detector) {
            this.detector = detector;
        }

        @Override
        public Result detect(Frame frame) throws DetectorException {
            return detector.detect(frame);
        }

        @Override
        public ModelIdentity model() {
            return detector.model();
        }

        @Override
        public String backend() {
            return detector.backend();
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            detector.close();
            detectorClosed();
        }
    }
}
