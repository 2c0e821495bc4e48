package dev.edgevision.device.service;

import dev.edgevision.camera.FrameSources;
import dev.edgevision.core.detect.DetectionPublisher;
import dev.edgevision.core.detect.Detector;
import dev.edgevision.core.detect.DetectorException;
import dev.edgevision.core.frame.FrameSource;
import dev.edgevision.core.model.BundleException;
import dev.edgevision.core.model.ModelBundle;
import dev.edgevision.device.config.ApplianceConfig;
import dev.edgevision.device.pipeline.BackendChoice;
import dev.edgevision.device.pipeline.BackendRunners;
import dev.edgevision.device.pipeline.BackendSelection;
import dev.edgevision.device.pipeline.BackendSelector;
import dev.edgevision.device.pipeline.CameraPipeline;
import dev.edgevision.device.pipeline.DetectorFactory;
import dev.edgevision.device.pipeline.RecordFactory;
import dev.edgevision.device.pipeline.TensorRtSettings;
import dev.edgevision.tensorrt.build.BuildSettings;
import dev.edgevision.tensorrt.serve.EngineStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service: one detector and one pipeline thread per camera, one publisher for all. A camera
 * that cannot be opened is reported and the others run; the model failing its checks stops the
 * start with a message that names the bundle.
 */
public final class ApplianceService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ApplianceService.class);

    private final ApplianceConfig config;
    private final DetectionPublisher publisher;
    private final List<CameraPipeline> pipelines = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final List<Detector> detectors = new ArrayList<>();
    private final List<CameraFailure> cameraFailures = new ArrayList<>();
    private final ModelBundle bundle;
    private final BackendSelection selection;
    private final BackendRunners runners;

    private ApplianceService(ApplianceConfig config, ModelBundle bundle, BackendSelection selection,
            BackendRunners runners, DetectionPublisher publisher) {
        this.config = config;
        this.bundle = bundle;
        this.selection = selection;
        this.runners = runners;
        this.publisher = publisher;
    }

    /**
     * Opens the model, selects the backend, opens every camera and starts their pipelines.
     *
     * @param home folder that relative paths in the configuration are resolved against
     * @param publisherFactory makes the publisher once the model and backend are known
     */
    public static ApplianceService start(ApplianceConfig config, Path home, PublisherFactory publisherFactory)
            throws BundleException, DetectorException {
        BackendChoice choice = BackendChoice.parse(config.model().backend() == null ? "auto" : config.model().backend());
        return start(config, home, publisherFactory, BackendSelector.forThisMachine().select(choice), null);
    }

    /**
     * As {@link #start(ApplianceConfig, Path, PublisherFactory)} with the backend already selected and,
     * when it is TensorRT, made of {@code parts} (null: TensorRT on this machine; tests pass fakes).
     */
    public static ApplianceService start(ApplianceConfig config, Path home, PublisherFactory publisherFactory,
            BackendSelection selected, BackendRunners.EngineParts parts) throws BundleException, DetectorException {
        ModelBundle bundle = ModelBundle.open(home.resolve(config.model().bundle()));
        BackendSelection selection = selected;
        int threads = config.model().threads() == null ? 0 : config.model().threads();
        BuildSettings settings = TensorRtSettings.from(config.tensorrt(), home, DetectorFactory.MAX_REGIONS);
        BackendRunners runners;
        try {
            runners = parts == null ? BackendRunners.start(bundle, selection, settings, threads)
                    : BackendRunners.start(bundle, selection, settings, threads, parts);
        } catch (BundleException e) {
            selection = new BackendSelection(BackendChoice.ONNXRUNTIME, "CPU fallback: " + e.getMessage());
            runners = BackendRunners.start(bundle, selection, settings, threads);
        }
        LOG.info("backend {}: {}", selection.backend().name().toLowerCase(Locale.ROOT), selection.reason()
                + (selection.backend() == BackendChoice.TENSORRT ? "; the engine is prepared in the background and"
                + " onnxruntime-cpu serves until it is ready and validated" : ""));
        LOG.info("model {} {} from {} (sha256 {})", bundle.manifest().name(), bundle.manifest().version(),
                bundle.path(), bundle.sha256().substring(0, 12));
        ApplianceService service = new ApplianceService(config, bundle, selection, runners,
                publisherFactory.create(bundle, selection));
        try {
            service.startCameras();
        } catch (DetectorException | RuntimeException e) {
            service.close();
            throw e;
        }
        return service;
    }

    /** A camera that could not be opened at start, and why. */
    public record CameraFailure(String name, String uri, String error) {
    }

    /** Makes the publisher for a service whose model and backend are known. */
    @FunctionalInterface
    public interface PublisherFactory {
        DetectionPublisher create(ModelBundle bundle, BackendSelection selection);
    }

    private void startCameras() throws DetectorException {
        double threshold = config.model().threshold() == null ? 0.5 : config.model().threshold();
        for (ApplianceConfig.CameraSection camera : config.cameras()) {
            FrameSource source;
            try {
                source = FrameSources.open(camera.uri());
            } catch (RuntimeException e) {
                cameraFailures.add(new CameraFailure(camera.name(), camera.uri(), e.getMessage()));
                LOG.error("camera {}: {}", camera.name(), e.getMessage());
                continue;
            }
            Detector detector = DetectorFactory.open(bundle, runners.open(camera.name()), threshold);
            detectors.add(detector);
            RecordFactory records = new RecordFactory(config.device().id(), camera.name(), detector.model(),
                    detector::backend);
            CameraPipeline pipeline = new CameraPipeline(camera.name(), source, detector, records, publisher);
            Thread thread = new Thread(pipeline, "camera-" + camera.name());
            thread.setDaemon(true);
            pipelines.add(pipeline);
            threads.add(thread);
            thread.start();
            LOG.info("camera {}: {} started", camera.name(), source.uri());
        }
        if (pipelines.isEmpty()) {
            throw new IllegalStateException("no camera could be opened: " + String.join("; ",
                    cameraFailures.stream().map(f -> f.name() + ": " + f.error()).toList()));
        }
    }

    public List<CameraPipeline> pipelines() {
        return pipelines;
    }

    /** Cameras that could not be opened, with the reason. */
    public List<CameraFailure> cameraFailures() {
        return cameraFailures;
    }

    public ModelBundle bundle() {
        return bundle;
    }

    /** The backend serving now, as records carry it: {@code onnxruntime-cpu}, then {@code tensorrt-fp16} once switched. */
    public String backendName() {
        return detectors.isEmpty() ? null : detectors.get(0).backend();
    }

    /** Why that backend serves: no GPU, no libnvinfer, a version mismatch, the engine building or failed. */
    public String backendReason() {
        return runners.reason();
    }

    /** The TensorRT engine's progress, when the TensorRT backend was selected. */
    public Optional<EngineStatus> engineStatus() {
        return runners.engineStatus();
    }

    /** Calls {@code listener} (from the engine build's thread) whenever the engine's status changes. */
    public void onBackendChange(Runnable listener) {
        runners.onChange(listener);
    }

    public BackendSelection selection() {
        return selection;
    }

    /** Waits until every pipeline has ended (finite sources) or the thread is interrupted. */
    public void awaitEnd() throws InterruptedException {
        for (Thread thread : threads) {
            thread.join();
        }
    }

    /** Stops the pipelines, then closes sources, detectors and the publisher, in that order. */
    @Override
    public void close() {
        pipelines.forEach(CameraPipeline::stop);
        for (Thread thread : threads) {
            try {
                thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        pipelines.forEach(p -> p.source().close());
        detectors.forEach(Detector::close);
        runners.close();
        publisher.close();
    }
}
