package dev.edgevision.tensorrt.serve;

import dev.edgevision.core.detect.DetectorException;
import dev.edgevision.core.inference.ModelRunner;
import dev.edgevision.tensorrt.build.BuildPlan;
import dev.edgevision.tensorrt.build.BuildRequest;
import dev.edgevision.tensorrt.build.BuildSettings;
import dev.edgevision.tensorrt.build.BuiltEngine;
import dev.edgevision.tensorrt.build.CalibrationBatches;
import dev.edgevision.tensorrt.build.EngineBuildException;
import dev.edgevision.tensorrt.build.EngineBuilder;
import dev.edgevision.tensorrt.build.EngineRecipe;
import dev.edgevision.tensorrt.build.GpuPlatform;
import dev.edgevision.tensorrt.build.InputProfile;
import dev.edgevision.tensorrt.build.Precision;
import dev.edgevision.tensorrt.cache.CacheLookup;
import dev.edgevision.tensorrt.cache.EngineCache;
import dev.edgevision.tensorrt.cache.EngineCacheKey;
import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps from a bundle to a validated engine, in order: read the platform, resolve the plan,
 * look the engine up in the cache (or build it within the time limit and cache it), load it, and
 * validate it against ONNX Runtime. Each step reports its phase; any failure ends the steps with
 * the reason.
 */
final class EngineProvisioning {
    private static final Logger LOG = LoggerFactory.getLogger(EngineProvisioning.class);
    private static final Duration TICK = Duration.ofSeconds(15);

    /** Receives each phase as it starts, and progress within it. */
    interface Phases {
        void phase(EngineStatus.State state, String precision, String detail);
    }

    /** The engine, ready to serve, and how it came to be. */
    record Result(LoadedEngine engine, EngineOutcome outcome) {
    }

    /** The steps ended without an engine: {@code state} is FAILED or TIMED_OUT, the message says why. */
    static final class Failure extends Exception {
        final EngineStatus.State state;

        Failure(EngineStatus.State state, String reason) {
            super(reason);
            this.state = state;
        }
    }

    private final EngineJob job;
    private final BuildSettings settings;
    private final EngineCache cache;
    private final PlatformProbe probe;
    private final EngineBuilder builder;
    private final EngineLoader loader;
    private final RunnerFactory reference;

    EngineProvisioning(EngineJob job, BuildSettings settings, EngineCache cache, PlatformProbe probe,
            EngineBuilder builder, EngineLoader loader, RunnerFactory reference) {
        this.job = job;
        this.settings = settings;
        this.cache = cache;
        this.probe = probe;
        this.builder = builder;
        this.loader = loader;
        this.reference = reference;
    }

    Result provide(Phases phases) throws Failure, InterruptedException {
        phases.phase(EngineStatus.State.PREPARING, null, null);
        if (job.referenceInputs() == null) {
            throw new Failure(EngineStatus.State.FAILED, "the bundle carries no reference inputs or calibration images,"
                    + " so no engine can be checked against ONNX Runtime; re-export it with the trainer");
        }
        GpuPlatform platform = platform();
        LOG.info("TensorRT platform: {}", platform.describe());
        InputProfile profile;
        try {
            profile = InputProfile.of(job.manifest().input(), settings.maxBatch());
        } catch (IllegalArgumentException e) {
            throw new Failure(EngineStatus.State.FAILED, e.getMessage());
        }
        int images = job.calibrationImages().size();
        BuildPlan plan = BuildPlan.resolve(settings, platform.capabilities(), images);
        plan.notes().forEach(note -> LOG.warn("TensorRT: {}", note));
        EngineRecipe recipe = plan.recipe(profile, settings, images);
        String precision = plan.precision().wireName();
        EngineCacheKey key = new EngineCacheKey(job.modelSha256(), platform.tensorrtVersion(), platform.gpuName(),
                platform.computeCapability(), plan.precision(), plan.dlaCore(), profile.describe(),
                plan.precision() == Precision.INT8 ? job.calibrationSha256() : null);
        CacheLookup found = cache.lookup(key);
        Made made;
        if (found instanceof CacheLookup.Hit hit) {
            LOG.info("TensorRT {} engine from the cache: {} (built by {} in {} s)", precision,
                    cache.engineFile(key).getFileName(), hit.header().builder(), Math.round(hit.header().buildSeconds()));
            made = new Made(hit.plan(), hit.header().builder(), hit.header().buildSeconds());
        } else {
            LOG.info("building a TensorRT {} engine in the background, the CPU backend serves meanwhile: {}", precision,
                    ((CacheLookup.Miss) found).reason());
            made = build(recipe, key, phases, precision);
        }
        phases.phase(EngineStatus.State.LOADING, precision, cache.engineFile(key).getFileName().toString());
        LoadedEngine engine;
        try {
            engine = loader.load(made.plan(), recipe);
        } catch (DetectorException e) {
            throw new Failure(EngineStatus.State.FAILED, "the engine does not load: " + e.getMessage());
        }
        phases.phase(EngineStatus.State.VALIDATING, precision, job.referenceSamples() + " samples from "
                + job.referenceSource());
        ValidationReport report = validate(engine, plan.precision());
        if (!report.passed()) {
            engine.close();
            throw new Failure(EngineStatus.State.FAILED, "the engine " + report.reason());
        }
        return new Result(engine, new EngineOutcome(engine.backend(), platform, plan, made.builder(), made.seconds(),
                found instanceof CacheLookup.Hit, report));
    }

    /** A serialised engine, who built it and how long that took. */
    private record Made(byte[] plan, String builder, double seconds) {
    }

    private GpuPlatform platform() throws Failure {
        try {
            return probe.probe();
        } catch (Exception e) {
            throw new Failure(EngineStatus.State.FAILED, "cannot read the GPU and TensorRT versions: " + e.getMessage());
        }
    }

    private Made build(EngineRecipe recipe, EngineCacheKey key, Phases phases, String precision)
            throws Failure, InterruptedException {
        phases.phase(EngineStatus.State.BUILDING, precision, "started");
        CalibrationBatches calibration = recipe.precision() == Precision.INT8
                ? CalibrationBatches.of(job.calibrationImages(), job.manifest().input(), recipe.calibrationBatch()) : null;
        BuildRequest request = new BuildRequest(job.manifest().name(), job.onnx(), recipe, calibration,
                cache.timingCache(key), cache.calibrationCache(key), cache.workDir());
        String[] last = {"started"};
        long start = System.nanoTime();
        BuiltEngine built;
        try {
            built = TimedBuild.run(builder, request, line -> last[0] = line, settings.buildTimeout(), TICK, elapsed -> {
                LOG.info("TensorRT {} engine build running for {} s: {}", precision, elapsed, last[0]);
                phases.phase(EngineStatus.State.BUILDING, precision, last[0]);
            });
        } catch (TimedBuild.TimedOut e) {
            throw new Failure(EngineStatus.State.TIMED_OUT, e.getMessage());
        } catch (EngineBuildException e) {
            throw new Failure(EngineStatus.State.FAILED, "the engine could not be built: " + e.getMessage());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        LOG.info("TensorRT {} engine built by {} in {} s", precision, built.builder(), Math.round(seconds));
        try {
            cache.store(key, built.plan(), built.builder(), seconds);
        } catch (IOException e) {
            LOG.warn("the new engine could not be written to the cache {} ({}); it will be built again at the next"
                    + " start: make the folder writable or set tensorrt.cache_dir", cache.dir(), e.getMessage());
        }
        return new Made(built.plan(), built.builder(), seconds);
    }

    private ValidationReport validate(LoadedEngine engine, Precision precision) throws Failure {
        try (ModelRunner candidate = engine.newRunner(); ModelRunner ort = reference.open()) {
            return EngineValidator.validate(candidate, ort, job.referenceInputs(), job.referenceSamples(),
                    job.manifest(), precision);
        } catch (DetectorException | RuntimeException e) {
            engine.close();
            throw new Failure(EngineStatus.State.FAILED, "the engine could not be validated: " + e.getMessage());
        }
    }
}
