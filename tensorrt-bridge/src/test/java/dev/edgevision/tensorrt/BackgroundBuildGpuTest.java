package dev.edgevision.tensorrt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgevision.core.model.ModelBundle;
import dev.edgevision.ort.OrtRunner;
import dev.edgevision.tensorrt.build.BuildSettings;
import dev.edgevision.tensorrt.build.FallbackEngineBuilder;
import dev.edgevision.tensorrt.build.TrtexecEngineBuilder;
import dev.edgevision.tensorrt.cache.EngineCache;
import dev.edgevision.tensorrt.serve.BackgroundEngineBuild;
import dev.edgevision.tensorrt.serve.EngineJob;
import dev.edgevision.tensorrt.serve.EngineOutcome;
import dev.edgevision.tensorrt.serve.EngineStatus;
import dev.edgevision.tensorrt.serve.SwitchableRunner;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** On a GPU with -Pgpu-tests: the service's path from bundle to a cached, validated engine a pipeline switches to. */
class BackgroundBuildGpuTest {
    @TempDir
    Path dir;

    ModelBundle bundle;
    EngineJob job;

    @BeforeEach
    void gpu() throws Exception {
        GpuTests.assumeGpu();
        bundle = GpuFixtures.digitsBundle();
        job = GpuFixtures.job(bundle, GpuFixtures.testDigits(40));
    }

    BackgroundEngineBuild start(BuildSettings settings) {
        return BackgroundEngineBuild.start(job, settings, new EngineCache(settings.cacheDir()), new TrtPlatformProbe(),
                new FallbackEngineBuilder(new InProcessEngineBuilder(), new TrtexecEngineBuilder(settings.trtexec())),
                new TrtEngineLoader(bundle.manifest(), settings.hostMemory()), () -> new OrtRunner(bundle, 32, 2),
                status -> { });
    }

    @Test
    void buildsCachesValidatesAndThePipelineSwitches() throws Exception {
        BuildSettings settings = BuildSettings.defaults(dir, 32);
        SwitchableRunner pipeline = new SwitchableRunner("cam0", new OrtRunner(bundle, 32, 2));
        try (pipeline; BackgroundEngineBuild build = start(settings)) {
            build.attach(pipeline);
            assertTrue(build.awaitFinished(Duration.ofMinutes(20)));
            assertEquals(EngineStatus.State.READY, build.status().state(), build.status().summary());
            System.arraycopy(job.referenceInputs(), 0, pipeline.input(), 0, 784);
            pipeline.run(1);
            assertTrue(pipeline.backend().startsWith("tensorrt-"), pipeline.backend());
            EngineOutcome first = build.outcome().orElseThrow();
            assertFalse(first.fromCache());
            System.err.printf("built %s with %s in %.1f s: %s%n", first.backend(), first.builder(), first.buildSeconds(),
                    first.validation().reason());
        }
        try (BackgroundEngineBuild again = start(settings)) {
            assertTrue(again.awaitFinished(Duration.ofMinutes(2)));
            assertTrue(again.outcome().orElseThrow().fromCache(), again.status().summary());
        }
    }
}
