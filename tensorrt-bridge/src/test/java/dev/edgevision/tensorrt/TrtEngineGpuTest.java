package dev.edgevision.tensorrt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.edgevision.core.inference.ModelRunner;
import dev.edgevision.core.model.ModelBundle;
import dev.edgevision.ort.OrtRunner;
import dev.edgevision.tensorrt.build.BuildPlan;
import dev.edgevision.tensorrt.build.BuildProgress;
import dev.edgevision.tensorrt.build.BuildRequest;
import dev.edgevision.tensorrt.build.BuildSettings;
import dev.edgevision.tensorrt.build.BuiltEngine;
import dev.edgevision.tensorrt.build.CalibrationBatches;
import dev.edgevision.tensorrt.build.EngineBuildException;
import dev.edgevision.tensorrt.build.EngineBuilder;
import dev.edgevision.tensorrt.build.EngineRecipe;
import dev.edgevision.tensorrt.build.GpuPlatform;
import dev.edgevision.tensorrt.build.HostMemory;
import dev.edgevision.tensorrt.build.InputProfile;
import dev.edgevision.tensorrt.build.Precision;
import dev.edgevision.tensorrt.build.PrecisionChoice;
import dev.edgevision.tensorrt.build.TrtexecEngineBuilder;
import dev.edgevision.tensorrt.serve.EngineJob;
import dev.edgevision.tensorrt.serve.EngineValidator;
import dev.edgevision.tensorrt.serve.LoadedEngine;
import dev.edgevision.tensorrt.serve.ValidationReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * On a Jetson (or any machine with a GPU and TensorRT 10) with -Pgpu-tests: real engines of the
 * committed digit classifier at every precision the GPU offers, checked against ONNX Runtime on 64
 * MNIST test digits; elsewhere skipped, saying what is missing.
 */
class TrtEngineGpuTest {
    static final int DIGITS = 64;

    @TempDir
    Path dir;

    ModelBundle bundle;
    EngineJob job;
    GpuPlatform platform;

    @BeforeEach
    void gpu() throws Exception {
        GpuTests.assumeGpu();
        bundle = GpuFixtures.digitsBundle();
        job = GpuFixtures.job(bundle, GpuFixtures.testDigits(DIGITS));
        platform = new TrtPlatformProbe().probe();
    }

    EngineRecipe recipe(Precision precision) {
        BuildSettings settings = BuildSettings.defaults(dir, 32).withPrecision(PrecisionChoice.valueOf(precision.name()));
        BuildPlan plan = BuildPlan.resolve(settings, platform.capabilities(), DIGITS);
        assumeTrue(plan.precision() == precision, () -> platform.gpuName() + " does not build " + precision.wireName()
                + ": " + plan.notes());
        return plan.recipe(InputProfile.of(bundle.manifest().input(), 32), settings, DIGITS);
    }

    BuildRequest request(EngineRecipe recipe) {
        CalibrationBatches calibration = recipe.precision() == Precision.INT8
                ? CalibrationBatches.of(job.calibrationImages(), bundle.manifest().input(), recipe.calibrationBatch()) : null;
        return new BuildRequest("digits", bundle.modelBytes(), recipe, calibration, dir.resolve("timing.cache"),
                dir.resolve("calibration.cache"), dir.resolve("work"));
    }

    ValidationReport check(EngineBuilder builder, Precision precision, HostMemory memory) throws Exception {
        EngineRecipe recipe = recipe(precision);
        long t0 = System.nanoTime();
        BuiltEngine built = builder.build(request(recipe), BuildProgress.NONE);
        double seconds = (System.nanoTime() - t0) / 1e9;
        try (LoadedEngine engine = new TrtEngineLoader(bundle.manifest(), memory).load(built.plan(), recipe);
             ModelRunner trt = engine.newRunner();
             OrtRunner ort = new OrtRunner(bundle, 32, 2)) {
            ValidationReport report = EngineValidator.validate(trt, ort, job.referenceInputs(), DIGITS, bundle.manifest(),
                    precision);
            System.err.printf("%s %s (%s, %s memory): built in %.1f s; %s%n", platform.gpuName(), engine.backend(),
                    built.builder(), memory, seconds, report.reason());
            return report;
        }
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void theInProcessEngineMatchesOnnxRuntime(Precision precision) throws Exception {
        ValidationReport report = check(new InProcessEngineBuilder(), precision, HostMemory.PINNED);
        assertTrue(report.passed(), report.reason());
        assertTrue(Files.size(dir.resolve("timing.cache")) > 0, "the timing cache was written");
        if (precision == Precision.INT8) {
            assertTrue(Files.size(dir.resolve("calibration.cache")) > 0, "the calibration cache was written");
        }
    }

    @Test
    void mappedHostMemoryGivesTheSameResults() throws Exception {
        assumeTrue(platform.integrated() && platform.canMapHostMemory(), "mapped memory is for integrated GPUs");
        ValidationReport report = check(new InProcessEngineBuilder(), Precision.FP32, HostMemory.MAPPED);
        assertTrue(report.passed(), report.reason());
    }

    @Test
    void everyBatchSizeGivesEachSampleTheSameOutput() throws Exception {
        EngineRecipe recipe = recipe(Precision.FP32);
        BuiltEngine built = new InProcessEngineBuilder().build(request(recipe), BuildProgress.NONE);
        try (LoadedEngine engine = new TrtEngineLoader(bundle.manifest(), HostMemory.AUTO).load(built.plan(), recipe);
             ModelRunner trt = engine.newRunner()) {
            float[] single = new float[32 * 10];
            for (int s = 0; s < 32; s++) {
                System.arraycopy(job.referenceInputs(), s * 784, trt.input(), 0, 784);
                System.arraycopy(trt.run(1), 0, single, s * 10, 10);
            }
            for (int batch : new int[] {32, 7, 1}) {
                System.arraycopy(job.referenceInputs(), 0, trt.input(), 0, batch * 784);
                float[] out = trt.run(batch);
                for (int i = 0; i < batch * 10; i++) {
                    assertEquals(single[i], out[i], 1e-5, "batch " + batch + ", value " + i);
                }
            }
        }
    }

    @Test
    void trtexecBuildsTheSameRecipe() throws Exception {
        assumeTrue(Files.isExecutable(BuildSettings.DEFAULT_TRTEXEC), "no trtexec at " + BuildSettings.DEFAULT_TRTEXEC);
        ValidationReport report = check(new TrtexecEngineBuilder(BuildSettings.DEFAULT_TRTEXEC), Precision.FP16,
                HostMemory.AUTO);
        assertTrue(report.passed(), report.reason());
    }

    @Test
    void aGraphTheParserRefusesIsReportedAsAParseError() {
        EngineRecipe recipe = recipe(Precision.FP32);
        BuildRequest broken = new BuildRequest("broken", Arrays.copyOf(bundle.modelBytes(), 100), recipe, null,
                dir.resolve("t"), dir.resolve("c"), dir.resolve("w"));
        EngineBuildException e = assertThrows(EngineBuildException.class,
                () -> new InProcessEngineBuilder().build(broken, BuildProgress.NONE));
        assertEquals(EngineBuildException.Kind.PARSE, e.kind());
        assertTrue(e.getMessage().startsWith("TensorRT's ONNX parser refused the model of broken"), e.getMessage());
    }

    @Test
    void aCachedPlanLoadsToTheSameOutputs() throws Exception {
        EngineRecipe recipe = recipe(Precision.FP16);
        byte[] plan = new InProcessEngineBuilder().build(request(recipe), BuildProgress.NONE).plan();
        float[] first;
        try (LoadedEngine engine = new TrtEngineLoader(bundle.manifest(), HostMemory.PINNED).load(plan, recipe);
             ModelRunner trt = engine.newRunner()) {
            System.arraycopy(job.referenceInputs(), 0, trt.input(), 0, 8 * 784);
            first = Arrays.copyOf(trt.run(8), 80);
        }
        try (LoadedEngine engine = new TrtEngineLoader(bundle.manifest(), HostMemory.PINNED).load(plan.clone(), recipe);
             ModelRunner trt = engine.newRunner()) {
            System.arraycopy(job.referenceInputs(), 0, trt.input(), 0, 8 * 784);
            assertArrayEquals(first, Arrays.copyOf(trt.run(8), 80));
        }
    }
}
