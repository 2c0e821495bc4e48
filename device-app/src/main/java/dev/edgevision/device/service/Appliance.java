package dev.edgevision.device.service;

import dev.edgevision.core.io.Redaction;
import dev.edgevision.camera.FrameSources;
import dev.edgevision.core.detect.Detector;
import dev.edgevision.core.detect.DetectorException;
import dev.edgevision.core.frame.FrameSource;
import dev.edgevision.core.model.BundleException;
import dev.edgevision.core.model.ModelBundle;
import dev.edgevision.device.command.CommandRouter;
import dev.edgevision.device.config.ApplianceConfig;
import dev.edgevision.device.pipeline.BackendChoice;
import dev.edgevision.device.pipeline.BackendRunners;
import dev.edgevision.device.pipeline.BackendSelection;
import dev.edgevision.device.pipeline.BackendSelector;
import dev.edgevision.device.pipeline.CameraPipeline;
import dev.edgevision.device.pipeline.DetectorFactory;
import dev.edgevision.device.pipeline.ModelSlot;
import dev.edgevision.device.pipeline.RecordFactory;
import dev.edgevision.device.pipeline.ServedModel;
import dev.edgevision.device.pipeline.TensorRtSettings;
import dev.edgevision.device.status.DeviceStatus;
import dev.edgevision.device.status.StatsSnapshot;
import dev.edgevision.device.status.UpdateHealth;
import dev.edgevision.tensorrt.build.BuildSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The device service, assembled once from its configuration: the model slot (the bundle served on
 * the selected backend, swappable while running), one pipeline per camera (a thread for each of its
 * {@code model.workers}), the listeners that hear records, status and stats, and the command
 * router. {@code run}, {@code demo}, {@code detect} and {@code bench} all start one; the appliance
 * owns everything it was given and {@link #close() closes} it in reverse order: pipelines, sources,
 * detectors, model, listeners.
 *
 * <p>A camera that cannot be opened is reported and the others run; a model that fails its checks
 * stops the start with a message that names the bundle.
 */
public final class Appliance implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Appliance.class);

    /** A camera that could not be opened at start, and why. */
    public record CameraFailure(String name, String uri, String error) {
    }

    private final ApplianceConfig config;
    private final ModelSlot models;
    private final Listeners listeners;
    private final CommandRouter commands = new CommandRouter();
    private final List<CameraPipeline> pipelines = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final List<CameraFailure> cameraFailures = new ArrayList<>();
    private final StatusMonitor monitor;
    private final Builder assembly;
    private volatile Double threshold;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Appliance(Builder b, ModelSlot models) {
        this.config = b.config;
        this.models = models;
        this.listeners = b.listeners;
        this.assembly = b;
        this.threshold = b.config.model().threshold();
        List<String> cameras = Stream.concat(b.sources.keySet().stream(),
                config.cameras().stream().map(ApplianceConfig.CameraSection::name)).toList();
        this.monitor = new StatusMonitor(this, listeners, b.softwareVersion, cameras);
        commands.register("status", request -> status());
    }

    /** Starts describing an appliance for {@code config}, whose relative paths resolve against {@code home}. */
    public static Builder builder(ApplianceConfig config, Path home) {
        return new Builder(config, home);
    }

    /** How an appliance is assembled: what the configuration leaves to the caller. */
    public static final class Builder {
        private final ApplianceConfig config;
        private final Path home;
        private final Listeners listeners = new Listeners();
        private final Map<String, FrameSource> sources = new LinkedHashMap<>();
        private BackendSelection selection;
        private BackendRunners.EngineParts parts;
        private String softwareVersion = "unknown";
        private long statsSeconds = 10;

        private Builder(ApplianceConfig config, Path home) {
            this.config = config;
            this.home = home;
        }

        /** The backend, already selected (default: by this machine's capability and the configuration). */
        public Builder backend(BackendSelection selected) {
            this.selection = selected;
            return this;
        }

        /** What the TensorRT backend is made of, when it is selected (default: this machine's TensorRT). */
        public Builder engineParts(BackendRunners.EngineParts engineParts) {
            this.parts = engineParts;
            return this;
        }

        /** Adds a listener; the appliance closes it after its pipelines. */
        public Builder listener(ApplianceListener listener) {
            listeners.add(listener);
            return this;
        }

        /** Adds a camera whose source is already open (a replay, a test's source), before the configured ones. */
        public Builder camera(String name, FrameSource source) {
            sources.put(name, source);
            return this;
        }

        public Builder softwareVersion(String version) {
            this.softwareVersion = version;
            return this;
        }

        public Builder statsSeconds(long seconds) {
            this.statsSeconds = seconds;
            return this;
        }

        /**
         * Opens the model, selects the backend, opens every camera and starts their pipelines; on
         * failure, everything already opened (listeners included) is closed and the error thrown.
         */
        public Appliance start() throws BundleException, DetectorException {
            Appliance appliance;
            try {
                appliance = new Appliance(this, new ModelSlot(serve()));
            } catch (BundleException | RuntimeException e) {
                listeners.close();
                sources.values().forEach(FrameSource::close);
                throw e;
            }
            try {
                appliance.startCameras(sources);
                appliance.models.onSwap(m -> appliance.monitor.publishStatusIfChanged());
                appliance.models.current().onBackendChange(appliance.monitor::publishStatusIfChanged);
                appliance.monitor.start(statsSeconds);
            } catch (DetectorException | RuntimeException e) {
                appliance.close();
                throw e;
            }
            return appliance;
        }

        private ServedModel serve() throws BundleException {
            ApplianceConfig.ModelSection m = config.model();
            if (selection == null) {
                selection = BackendSelector.forThisMachine().select(BackendChoice.parse(m.backend() == null ? "auto"
                        : m.backend()));
            }
            return serve(ModelBundle.open(home.resolve(m.bundle())), m.threshold());
        }

        /** Serves {@code bundle} as the configured one is served (backend, settings), at {@code threshold}. */
        ServedModel serve(ModelBundle bundle, Double threshold) throws BundleException {
            ApplianceConfig.ModelSection m = config.model();
            BuildSettings settings = TensorRtSettings.from(config.tensorrt(), home, DetectorFactory.MAX_REGIONS);
            return ServedModel.start(bundle, selection, settings, m.threads() == null ? 0 : m.threads(), parts,
                    threshold);
        }
    }

    private void startCameras(Map<String, FrameSource> given) throws DetectorException {
        Map<String, FrameSource> opened = new LinkedHashMap<>(given);
        for (ApplianceConfig.CameraSection camera : config.cameras()) {
            try {
                opened.put(camera.name(), FrameSources.open(camera.uri()));
            } catch (RuntimeException e) {
                String error = Redaction.text(e.getMessage());
                cameraFailures.add(new CameraFailure(camera.name(), Redaction.text(camera.uri()), error));
                LOG.error("camera {}: {}", camera.name(), error);
            }
        }
        for (Map.Entry<String, FrameSource> e : opened.entrySet()) {
            startPipeline(e.getKey(), e.getValue());
        }
        if (pipelines.isEmpty() && !cameraFailures.isEmpty()) {
            throw new IllegalStateException("no camera could be opened: " + String.join("; ",
                    cameraFailures.stream().map(f -> f.name() + ": " + f.error()).toList()));
        }
    }

    /**
     * Starts the pipeline of camera {@code name} with {@code model.workers} workers, each with a
     * detector of its own from the model slot (the first named as the camera, the others
     * {@code name/worker2} and on), so that every swap reaches each of them.
     */
    private void startPipeline(String name, FrameSource source) throws DetectorException {
        int workers = config.model().workersOrDefault();
        List<Detector> detectors = new ArrayList<>();
        try {
            for (int i = 0; i < workers; i++) {
                detectors.add(models.open(i == 0 ? name : name + "/worker" + (i + 1)));
            }
        } catch (DetectorException | RuntimeException e) {
            source.close();
            throw e;
        }
        CameraPipeline pipeline = new CameraPipeline(name, source, detectors, d -> records(name, d), listeners,
                listeners);
        Thread thread = new Thread(pipeline, "camera-" + name);
        thread.setDaemon(true);
        pipelines.add(pipeline);
        threads.add(thread);
        thread.start();
        LOG.info("camera {}: {} started{}", name, source.uri(), workers == 1 ? "" : ", " + workers + " frames in flight");
    }

    /** Records of {@code camera}, carrying the model and backend serving at each frame. */
    public RecordFactory records(String camera, Detector detector) {
        return new RecordFactory(config.device().id(), camera, detector::model, detector::backend);
    }

    /**
     * A detector that runs exactly as a camera's pipeline does (same model slot, backend and
     * threshold) for a caller that brings its own frames ({@code detect}); closed with the appliance.
     */
    public Detector detector(String name) throws DetectorException {
        return models.open(name);
    }

    /**
     * Starts serving {@code bundle} beside the current model, as the configured one is served (same
     * backend, TensorRT settings, threads and threshold), ready to be swapped in.
     */
    public ServedModel serve(Path bundle) throws BundleException {
        return assembly.serve(ModelBundle.open(bundle), threshold);
    }

    /**
     * Reports from {@code newThreshold} on (null: the bundle's own): the model serving is opened again
     * at that threshold and swapped in at each pipeline's next frame; later models keep it too.
     */
    public void threshold(Double newThreshold) throws BundleException, DetectorException {
        ServedModel current = models.current();
        ServedModel next = assembly.serve(current.bundle(), newThreshold);
        try {
            models.swap(next);
        } catch (DetectorException | RuntimeException e) {
            next.retire();
            throw e;
        }
        threshold = newThreshold;
    }

    /** The camera pipeline named {@code name}, if there is one. */
    public java.util.Optional<CameraPipeline> pipeline(String name) {
        return pipelines.stream().filter(p -> p.camera().equals(name)).findFirst();
    }

    /** The model slot: what is served now, and how to swap it. */
    public ModelSlot models() {
        return models;
    }

    /** Where commands are dispatched; handlers register here. */
    public CommandRouter commands() {
        return commands;
    }

    public List<CameraPipeline> pipelines() {
        return pipelines;
    }

    /** Cameras that could not be opened, with the reason. */
    public List<CameraFailure> cameraFailures() {
        return cameraFailures;
    }

    /** The backend serving now, as records carry it: {@code onnxruntime-cpu}, then {@code tensorrt-fp16} once switched. */
    public String backendName() {
        return pipelines.isEmpty() ? null : pipelines.get(0).detector().backend();
    }

    /** The status as the listeners last heard it, made now. */
    public DeviceStatus status() {
        return monitor.status();
    }

    /** Publishes the status now if it changed (a camera turned on or off), rather than at the next stats interval. */
    public void statusChanged() {
        monitor.publishStatusIfChanged();
    }

    /** Reports the latest model update job in the status (published when it changes it). */
    public void reportUpdate(UpdateHealth latest) {
        monitor.update(latest);
    }

    /** The figures since the last stats interval. */
    public StatsSnapshot stats() {
        return monitor.stats();
    }

    /** Waits until every pipeline has ended (finite sources) or the thread is interrupted. */
    public void awaitEnd() throws InterruptedException {
        for (Thread thread : threads) {
            thread.join();
        }
    }

    /** Stops the pipelines, then closes sources, detectors, the model and the listeners, in that order. */
    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        monitor.close();
        pipelines.forEach(CameraPipeline::stop);
        for (Thread thread : threads) {
            try {
                thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        pipelines.forEach(p -> p.source().close());
        models.close();
        listeners.close();
    }
}
