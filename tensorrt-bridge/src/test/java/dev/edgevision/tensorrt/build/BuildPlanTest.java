package dev.edgevision.tensorrt.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgevision.core.model.InputSpec;
import dev.edgevision.core.model.Polarity;
import dev.edgevision.core.testing.TestBundles;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** From configuration to what the builder is told: precision, flags, DLA, workspace, shapes. */
class BuildPlanTest {
    static final Capabilities ORIN = new Capabilities(true, true, 2);
    static final Capabilities NANO = new Capabilities(true, false, 0);
    static final Capabilities OLD_GPU = new Capabilities(false, false, 0);

    static BuildSettings settings(String precision, int dla) {
        return new BuildSettings(PrecisionChoice.parse(precision), 256L << 20, dla, BuildSettings.DEFAULT_BUILD_TIMEOUT,
                BuildSettings.DEFAULT_TRTEXEC, HostMemory.AUTO, Path.of("/tmp/engines"), 32);
    }

    @Test
    void autoIsFp16WhereFastElseFp32() {
        BuildPlan orin = BuildPlan.resolve(settings("auto", -1), ORIN, 0);
        assertEquals(Precision.FP16, orin.precision());
        assertEquals(Set.of(BuilderFlag.FP16), orin.flags());
        assertTrue(orin.notes().isEmpty());
        BuildPlan old = BuildPlan.resolve(settings("auto", -1), OLD_GPU, 0);
        assertEquals(Precision.FP32, old.precision());
        assertEquals(Set.of(), old.flags());
    }

    @Test
    void fp16WithoutFastFp16IsFp32WithANote() {
        BuildPlan plan = BuildPlan.resolve(settings("fp16", -1), OLD_GPU, 0);
        assertEquals(Precision.FP32, plan.precision());
        assertEquals(List.of("fp16 was asked for, but this GPU has no fast FP16: building fp32"), plan.notes());
    }

    @Test
    void int8NeedsFastInt8AndCalibrationImages() {
        BuildPlan orin = BuildPlan.resolve(settings("int8", -1), ORIN, 40);
        assertEquals(Precision.INT8, orin.precision());
        assertEquals(Set.of(BuilderFlag.INT8, BuilderFlag.FP16), orin.flags(), "FP16 for layers INT8 cannot run");
        BuildPlan nano = BuildPlan.resolve(settings("int8", -1), NANO, 40);
        assertEquals(Precision.FP16, nano.precision());
        assertTrue(nano.notes().get(0).contains("no fast INT8"), nano.notes().toString());
        BuildPlan noImages = BuildPlan.resolve(settings("int8", -1), ORIN, 0);
        assertEquals(Precision.FP16, noImages.precision());
        assertTrue(noImages.notes().get(0).contains("no calibration images"), noImages.notes().toString());
    }

    @Test
    void dlaOnlyWhereItExistsAlwaysWithGpuFallbackNeverAtFp32() {
        BuildPlan dla = BuildPlan.resolve(settings("fp16", 1), ORIN, 0);
        assertEquals(1, dla.dlaCore());
        assertEquals(Set.of(BuilderFlag.FP16, BuilderFlag.GPU_FALLBACK), dla.flags());
        BuildPlan fp32 = BuildPlan.resolve(settings("fp32", 0), ORIN, 0);
        assertEquals(Precision.FP16, fp32.precision());
        assertTrue(fp32.notes().get(0).startsWith("DLA runs fp16 and int8 only"), fp32.notes().toString());
        BuildPlan nano = BuildPlan.resolve(settings("fp16", 0), NANO, 0);
        assertEquals(-1, nano.dlaCore());
        assertEquals(Set.of(BuilderFlag.FP16), nano.flags());
        assertTrue(nano.notes().get(0).contains("no DLA"), nano.notes().toString());
        BuildPlan tooHigh = BuildPlan.resolve(settings("fp16", 2), ORIN, 0);
        assertEquals(-1, tooHigh.dlaCore());
        assertTrue(tooHigh.notes().get(0).contains("this device has 2 (0..1)"), tooHigh.notes().toString());
    }

    @Test
    void theRecipeCarriesShapesWorkspaceAndCalibrationBatch() {
        InputProfile profile = InputProfile.of(TestBundles.digitManifest().input(), 32);
        assertEquals("input:1x1x28x28,4x1x28x28,32x1x28x28", profile.describe());
        assertTrue(profile.dynamic());
        EngineRecipe int8 = BuildPlan.resolve(settings("int8", -1), ORIN, 5).recipe(profile, settings("int8", -1), 5);
        assertEquals(5, int8.calibrationBatch(), "no larger than the image count");
        assertEquals(256L << 20, int8.workspaceBytes());
        EngineRecipe fp16 = BuildPlan.resolve(settings("fp16", -1), ORIN, 40).recipe(profile, settings("fp16", -1), 40);
        assertEquals(0, fp16.calibrationBatch());
        EngineRecipe many = BuildPlan.resolve(settings("int8", -1), ORIN, 40).recipe(profile, settings("int8", -1), 40);
        assertEquals(8, many.calibrationBatch());
    }

    @Test
    void aFixedBatchIsKeptAndOtherDynamicDimensionsAreRefused() {
        InputSpec fixed = new InputSpec("x", List.of(1, 3, 224, 224), "NCHW", "float32", "rgb", List.of(0.0, 1.0),
                List.of(0.0, 0.0, 0.0), List.of(1.0, 1.0, 1.0), Polarity.NATURAL, "stretch");
        InputProfile profile = InputProfile.of(fixed, 32);
        assertEquals(1, profile.max());
        assertTrue(!profile.dynamic());
        InputSpec dynamicHeight = new InputSpec("x", List.of(-1, 3, -1, 224), "NCHW", "float32", "rgb",
                List.of(0.0, 1.0), List.of(0.0, 0.0, 0.0), List.of(1.0, 1.0, 1.0), Polarity.NATURAL, "stretch");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> InputProfile.of(dynamicHeight, 8));
        assertTrue(e.getMessage().contains("dynamic dimension other than the batch"), e.getMessage());
    }

    @Test
    void badSettingsAreRefusedByName() {
        assertThrows(IllegalArgumentException.class, () -> PrecisionChoice.parse("fp8"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new BuildSettings(
                PrecisionChoice.AUTO, 1L << 20, -1, BuildSettings.DEFAULT_BUILD_TIMEOUT, BuildSettings.DEFAULT_TRTEXEC,
                HostMemory.AUTO, Path.of("x"), 1));
        assertTrue(e.getMessage().contains("workspace must be at least 16 MiB"), e.getMessage());
    }

    @Test
    void mappedMemoryOnIntegratedGpusThatCanMapIt() {
        assertTrue(HostMemory.AUTO.mapped(true, true));
        assertTrue(!HostMemory.AUTO.mapped(false, true), "a discrete GPU copies");
        assertTrue(!HostMemory.MAPPED.mapped(true, false), "cannot map: pinned");
        assertTrue(!HostMemory.PINNED.mapped(true, true));
    }
}
