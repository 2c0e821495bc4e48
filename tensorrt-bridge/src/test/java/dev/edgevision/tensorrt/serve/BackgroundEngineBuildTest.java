package dev.edgevision.tensorrt.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgevision.core.model.Sha256;
import dev.edgevision.core.testing.TestBundles;
import dev.edgevision.tensorrt.build.BuildSettings;
import dev.edgevision.tensorrt.build.HostMemory;
import dev.edgevision.tensorrt.build.PrecisionChoice;
import dev.edgevision.tensorrt.cache.EngineCache;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The switch-over: the CPU serves while a (fake) engine builds; the pipelines switch when it is ready
 * and validated, and stay on the CPU, with the reason reported, when it fails, hangs or times out.
 */
class BackgroundEngineBuildTest {
    static final byte[] ONNX = "a graph".getBytes();

    @TempDir
    Path dir;

    final List<EngineStatus> statuses = new CopyOnWriteArrayList<>();
    BackgroundEngineBuild build;

    @AfterEach
    void close() {
        if (build != null) {
            build.close();
        }
    }

    static EngineJob job(boolean withReferences) {
        float[] reference = EngineValidatorTest.inputs(12);
        return new EngineJob(TestBundles.digitManifest(), ONNX, Sha256.hex(ONNX),
                IntStream.range(0, 12).mapToObj(TestBundles::digitImage).toList(), "calibration-hash",
                withReferences ? reference : null, withReferences ? "test references" : null);
    }

    BuildSettings settings(String precision, Duration timeout) {
        return new BuildSettings(PrecisionChoice.parse(precision), 64L << 20, -1, timeout, Path.of("/none"),
                HostMemory.AUTO, dir.resolve("engines"), 8);
    }

    BackgroundEngineBuild start(EngineJob job, BuildSettings settings, FakeEngines.Builder builder,
            FakeEngines.Loader loader) {
        build = BackgroundEngineBuild.start(job, settings, new EngineCache(settings.cacheDir()), () -> FakeEngines.ORIN,
                builder, loader, () -> new FakeRunner("onnxruntime-cpu", 32, 0), statuses::add);
        return build;
    }

    @Test
    void aGoodEngineIsBuiltCachedValidatedAndTakenOverByEveryPipeline() throws Exception {
        FakeEngines.Builder builder = new FakeEngines.Builder(FakeEngines.Mode.SUCCEED);
        FakeEngines.Loader loader = new FakeEngines.Loader(1e-4f);
        FakeRunner cpu0 = new FakeRunner("onnxruntime-cpu", 8, 0);
        FakeRunner cpu1 = new FakeRunner("onnxruntime-cpu", 8, 0);
        SwitchableRunner cam0 = new SwitchableRunner("cam0", cpu0);
        SwitchableRunner cam1 = new SwitchableRunner("cam1", cpu1);
        start(job(true), settings("auto", Duration.ofSeconds(20)), builder, loader);
        build.attach(cam0);
        cam0.run(1);
        assertTrue(build.awaitFinished(Duration.ofSeconds(10)));
        build.attach(cam1);
        assertEquals(EngineStatus.State.READY, build.status().state(), build.status().summary());
        assertEquals("tensorrt-fp16", build.status().detail());
        cam0.run(1);
        cam1.run(1);
        assertEquals("tensorrt-fp16", cam0.backend());
        assertEquals("tensorrt-fp16", cam1.backend());
        assertTrue(cpu0.closed && cpu1.closed);
        FakeEngines.Engine engine = loader.loaded.get(0);
        assertEquals(3, engine.runners.size(), "one for validation, one per pipeline");
        EngineOutcome outcome = build.outcome().orElseThrow();
        assertFalse(outcome.fromCache());
        assertEquals("fake", outcome.builder());
        assertTrue(outcome.validation().passed());
        assertEquals(List.of(EngineStatus.State.PREPARING, EngineStatus.State.BUILDING, EngineStatus.State.LOADING,
                EngineStatus.State.VALIDATING, EngineStatus.State.READY), statuses.stream().map(EngineStatus::state)
                .distinct().toList());
        try (var files = Files.list(dir.resolve("engines"))) {
            assertEquals(1, files.filter(f -> f.toString().endsWith(".engine")).count());
        }
    }

    @Test
    void theNextStartTakesTheEngineFromTheCacheWithoutBuilding() throws Exception {
        start(job(true), settings("fp16", Duration.ofSeconds(20)), new FakeEngines.Builder(FakeEngines.Mode.SUCCEED),
                new FakeEngines.Loader(0));
        assertTrue(build.awaitFinished(Duration.ofSeconds(10)));
        build.close();
        FakeEngines.Builder second = new FakeEngines.Builder(FakeEngines.Mode.SUCCEED);
        start(job(true), settings("fp16", Duration.ofSeconds(20)), second, new FakeEngines.Loader(0));
        assertTrue(build.awaitFinished(Duration.ofSeconds(10)));
        assertEquals(EngineStatus.State.READY, build.status().state());
        assertEquals(0, second.builds.get());
        assertTrue(build.outcome().orElseThrow().fromCache());
    }

    @Test
    void aFailedBuildLeavesThePipelinesOnTheCpuAndSaysWhy() throws Exception {
        FakeRunner cpu = new FakeRunner("onnxruntime-cpu", 8, 0);
        SwitchableRunner cam0 = new SwitchableRunner("cam0", cpu);
        start(job(true), settings("fp16", Duration.ofSeconds(20)), new FakeEngines.Builder(FakeEngines.Mode.FAIL),
                new FakeEngines.Loader(0));
        build.attach(cam0);
        assertTrue(build.awaitFinished(Duration.ofSeconds(10)));
        assertEquals(EngineStatus.State.FAILED, build.status().state());
        assertEquals("the engine could not be built: out of memory in the fake builder", build.status().detail());
        cam0.run(1);
        assertEquals("onnxruntime-cpu", cam0.backend());
        assertFalse(cpu.closed);
    }

    @Test
    void aHangingBuildTimesOutIsInterruptedAndTheCpuKeepsServing() throws Exception {
        FakeEngines.Builder builder = new FakeEngines.Builder(FakeEngines.Mode.HANG);
        SwitchableRunner cam0 = new SwitchableRunner("cam0", new FakeRunner("onnxruntime-cpu", 8, 0));
        start(job(true), settings("fp16", Duration.ofMillis(400)), builder, new FakeEngines.Loader(0));
        build.attach(cam0);
        long t0 = System.nanoTime();
        while (build.status().state() != EngineStatus.State.BUILDING && System.nanoTime() - t0 < 5e9) {
            cam0.run(1); // the pipeline keeps serving while the engine builds
            Thread.sleep(10);
        }
        assertTrue(build.awaitFinished(Duration.ofSeconds(10)));
        assertEquals(EngineStatus.State.TIMED_OUT, build.status().state());
        assertTrue(build.status().detail().startsWith("the engine build did not finish within 0 s"),
                build.status().detail());
        assertTrue(builder.interrupted.await(5, TimeUnit.SECONDS), "the builder's thread was interrupted");
        cam0.run(1);
        assertEquals("onnxruntime-cpu", cam0.backend());
    }

    @Test
    void aBuildThatIgnoresTheInterruptAndEndsLateIsDiscarded() throws Exception {
        FakeEngines.Loader loader = new FakeEngines.Loader(0);
        start(job(true), settings("fp16", Duration.ofMillis(300)),
                new FakeEngines.Builder(FakeEngines.Mode.SLOW_UNINTERRUPTIBLE), loader);
        assertTrue(build.awaitFinished(Duration.ofSeconds(10)));
        assertEquals(EngineStatus.State.TIMED_OUT, build.status().state());
        Thread.sleep(1800);
        assertTrue(loader.loaded.isEmpty(), "the late result was never loaded");
        assertTrue(build.engine().isEmpty());
    }

    @Test
    void anEngineThatDiffersFromOnnxRuntimeIsNotUsed() throws Exception {
        SwitchableRunner cam0 = new SwitchableRunner("cam0", new FakeRunner("onnxruntime-cpu", 8, 0));
        FakeEngines.Loader loader = new FakeEngines.Loader(0.3f);
        start(job(true), settings("fp16", Duration.ofSeconds(20)), new FakeEngines.Builder(FakeEngines.Mode.SUCCEED),
                loader);
        build.attach(cam0);
        assertTrue(build.awaitFinished(Duration.ofSeconds(10)));
        assertEquals(EngineStatus.State.FAILED, build.status().state());
        assertTrue(build.status().detail().startsWith("the engine differs from ONNX Runtime beyond the fp16 tolerance"),
                build.status().detail());
        assertTrue(loader.loaded.get(0).closed);
        cam0.run(1);
        assertEquals("onnxruntime-cpu", cam0.backend());
    }

    @Test
    void withoutReferenceInputsNothingIsBuilt() throws Exception {
        FakeEngines.Builder builder = new FakeEngines.Builder(FakeEngines.Mode.SUCCEED);
        start(job(false), settings("fp16", Duration.ofSeconds(20)), builder, new FakeEngines.Loader(0));
        assertTrue(build.awaitFinished(Duration.ofSeconds(10)));
        assertEquals(EngineStatus.State.FAILED, build.status().state());
        assertTrue(build.status().detail().contains("carries no reference inputs"), build.status().detail());
        assertEquals(0, builder.builds.get());
    }

    @Test
    void int8IsCalibratedFromTheBundlesImages() throws Exception {
        FakeEngines.Builder builder = new FakeEngines.Builder(FakeEngines.Mode.SUCCEED);
        start(job(true), settings("int8", Duration.ofSeconds(20)), builder, new FakeEngines.Loader(0.01f));
        assertTrue(build.awaitFinished(Duration.ofSeconds(10)));
        assertEquals(EngineStatus.State.READY, build.status().state(), build.status().summary());
        assertEquals("tensorrt-int8", build.status().detail());
        assertNotNull(builder.lastRequest.calibration());
        assertEquals(12, builder.lastRequest.calibration().images());
        assertEquals(8, builder.lastRequest.calibration().batchSize());
    }

    @Test
    void closingDuringABuildStopsIt() throws Exception {
        FakeEngines.Builder builder = new FakeEngines.Builder(FakeEngines.Mode.HANG);
        start(job(true), settings("fp16", Duration.ofMinutes(5)), builder, new FakeEngines.Loader(0));
        long t0 = System.nanoTime();
        while (builder.builds.get() == 0 && System.nanoTime() - t0 < 5e9) {
            Thread.sleep(10);
        }
        build.close();
        assertTrue(build.awaitFinished(Duration.ofSeconds(5)));
        assertEquals(EngineStatus.State.STOPPED, build.status().state());
        assertTrue(builder.interrupted.await(5, TimeUnit.SECONDS));
        assertNull(build.engine().orElse(null));
    }
}
