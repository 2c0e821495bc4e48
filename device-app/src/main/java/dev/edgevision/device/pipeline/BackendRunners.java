package dev.edgevision.device.pipeline;

import dev.edgevision.core.detect.DetectorException;
import dev.edgevision.core.inference.ModelRunner;
import dev.edgevision.core.model.BundleException;
import dev.edgevision.core.model.ModelBundle;
import dev.edgevision.ort.OrtRunner;
import dev.edgevision.tensorrt.InProcessEngineBuilder;
import dev.edgevision.tensorrt.TrtEngineLoader;
import dev.edgevision.tensorrt.TrtPlatformProbe;
import dev.edgevision.tensorrt.build.BuildSettings;
import dev.edgevision.tensorrt.build.EngineBuilder;
import dev.edgevision.tensorrt.build.FallbackEngineBuilder;
import dev.edgevision.tensorrt.build.TrtexecEngineBuilder;
import dev.edgevision.tensorrt.cache.EngineCache;
import dev.edgevision.tensorrt.serve.BackgroundEngineBuild;
import dev.edgevision.tensorrt.serve.EngineJob;
import dev.edgevision.tensorrt.serve.EngineLoader;
import dev.edgevision.tensorrt.serve.EngineOutcome;
import dev.edgevision.tensorrt.serve.EngineStatus;
import dev.edgevision.tensorrt.serve.PlatformProbe;
import dev.edgevision.tensorrt.serve.SwitchableRunner;
import java.time.Duration;
import java.util.Optional;

/**
 * The runners of one service's pipelines on the selected backend. With ONNX Runtime each pipeline
 * gets a CPU runner. With TensorRT the engine is prepared once, in the background, while each
 * pipeline starts on a CPU runner that switches to its own TensorRT runner when the engine is
 * ready and validated; if it never is, the pipelines stay on the CPU and {@link #reason()} says why.
 */
public final class BackendRunners implements AutoCloseable {
    private final ModelBundle bundle;
    private final BackendSelection selection;
    private final int threads;
    private final BackgroundEngineBuild build;
    private volatile Runnable onChange = () -> { };

    private BackendRunners(ModelBundle bundle, BackendSelection selection, int threads, EngineParts parts,
            BuildSettings settings) throws BundleException {
        this.bundle = bundle;
        this.selection = selection;
        this.threads = threads;
        this.build = parts == null ? null : BackgroundEngineBuild.start(EngineJob.of(bundle), settings,
                new EngineCache(settings.cacheDir()), parts.probe(), parts.builder(), parts.loader(),
                () -> new OrtRunner(bundle, DetectorFactory.maxBatch(bundle), threads), status -> onChange.run());
    }

    /** What the TensorRT backend is made of: real parts on a device, fakes in tests. */
    public record EngineParts(PlatformProbe probe, EngineBuilder builder, EngineLoader loader) {
        /** TensorRT on this machine: in-process builder, else trtexec with the same settings. */
        public static EngineParts tensorrt(ModelBundle bundle, BuildSettings settings) {
            return new EngineParts(new TrtPlatformProbe(),
                    new FallbackEngineBuilder(new InProcessEngineBuilder(), new TrtexecEngineBuilder(settings.trtexec())),
                    new TrtEngineLoader(bundle.manifest(), settings.hostMemory()));
        }
    }

    /** Runners for {@code selection}: CPU runners, or CPU runners that move to TensorRT once its engine is ready. */
    public static BackendRunners start(ModelBundle bundle, BackendSelection selection, BuildSettings settings, int threads)
            throws BundleException {
        EngineParts parts = selection.backend() == BackendChoice.TENSORRT ? EngineParts.tensorrt(bundle, settings) : null;
        return new BackendRunners(bundle, selection, threads, parts, settings);
    }

    /** As {@link #start}, with the TensorRT backend made of {@code parts}. */
    public static BackendRunners start(ModelBundle bundle, BackendSelection selection, BuildSettings settings,
            int threads, EngineParts parts) throws BundleException {
        return new BackendRunners(bundle, selection, threads, parts, settings);
    }

    /** A runner for the pipeline {@code name}; the caller closes it (through its detector). */
    public ModelRunner open(String name) throws DetectorException {
        OrtRunner cpu = new OrtRunner(bundle, DetectorFactory.maxBatch(bundle), threads);
        if (build == null) {
            return cpu;
        }
        SwitchableRunner runner = new SwitchableRunner(name, cpu);
        build.attach(runner);
        return runner;
    }

    /** Called (from the build's thread) whenever the engine's status changes. */
    public void onChange(Runnable listener) {
        onChange = listener;
    }

    /** The engine's status, when the TensorRT backend was selected. */
    public Optional<EngineStatus> engineStatus() {
        return build == null ? Optional.empty() : Optional.of(build.status());
    }

    /** How the engine in use came to be, once it is ready. */
    public Optional<EngineOutcome> outcome() {
        return build == null ? Optional.empty() : build.outcome();
    }

    /** Why the backend serving now serves: the selection's reason, or where the TensorRT engine stands. */
    public String reason() {
        if (build == null) {
            return selection.reason();
        }
        EngineStatus status = build.status();
        return switch (status.state()) {
            case READY -> selection.reason() + "; " + status.summary();
            case FAILED, TIMED_OUT, STOPPED -> "CPU fallback: " + status.summary();
            default -> "engine building, the CPU serves meanwhile: " + status.summary();
        };
    }

    /** Waits for the engine (for offline commands); true when it ended within {@code timeout} or none was wanted. */
    public boolean awaitEngine(Duration timeout) throws InterruptedException {
        return build == null || build.awaitFinished(timeout);
    }

    /** Stops an unfinished build and releases the engine; close the pipelines' runners first. */
    @Override
    public void close() {
        if (build != null) {
            build.close();
        }
    }
}
