package dev.edgevision.tensorrt.build;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.edgevision.core.testing.TestBundles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** From configuration to the calls the in-process builder makes on TensorRT's builder configuration. */
class BuilderTargetTest {
    static final InputProfile DIGITS = InputProfile.of(TestBundles.digitManifest().input(), 32);

    /** Writes each call down as text. */
    static final class Recording implements BuilderTarget {
        final List<String> calls = new ArrayList<>();

        @Override
        public void workspace(long bytes) {
            calls.add("setMemoryPoolLimit(kWORKSPACE, " + bytes + ")");
        }

        @Override
        public void flag(BuilderFlag flag) {
            calls.add("setFlag(k" + flag + ")");
        }

        @Override
        public void dla(int core) {
            calls.add("setDefaultDeviceType(kDLA), setDLACore(" + core + ")");
        }

        @Override
        public void profile(String input, long[] min, long[] opt, long[] max) {
            calls.add("profile " + input + " " + Arrays.toString(min) + " " + Arrays.toString(opt) + " "
                    + Arrays.toString(max));
        }

        @Override
        public void calibrator(String input, int batch, boolean dynamic) {
            calls.add("setInt8Calibrator(" + input + ", batch " + batch + ")" + (dynamic ? ", setCalibrationProfile" : ""));
        }
    }

    static List<String> callsFor(String precision, int dla, Capabilities gpu, int images) {
        BuildSettings settings = BuildPlanTest.settings(precision, dla);
        EngineRecipe recipe = BuildPlan.resolve(settings, gpu, images).recipe(DIGITS, settings, images);
        Recording target = new Recording();
        BuilderTarget.apply(recipe, target);
        return target.calls;
    }

    @Test
    void fp16OnTheGpu() {
        assertEquals(List.of("setMemoryPoolLimit(kWORKSPACE, 268435456)", "setFlag(kFP16)",
                "profile input [1, 1, 28, 28] [4, 1, 28, 28] [32, 1, 28, 28]"),
                callsFor("auto", -1, BuildPlanTest.ORIN, 0));
    }

    @Test
    void int8OnADlaCoreWithGpuFallbackAndTheCalibrator() {
        assertEquals(List.of("setMemoryPoolLimit(kWORKSPACE, 268435456)", "setFlag(kFP16)", "setFlag(kINT8)",
                "setFlag(kGPU_FALLBACK)", "setDefaultDeviceType(kDLA), setDLACore(1)",
                "profile input [1, 1, 28, 28] [4, 1, 28, 28] [32, 1, 28, 28]",
                "setInt8Calibrator(input, batch 8), setCalibrationProfile"),
                callsFor("int8", 1, BuildPlanTest.ORIN, 40));
    }

    @Test
    void fp32OnANanoWithoutFastFp16SetsNoPrecisionFlag() {
        assertEquals(List.of("setMemoryPoolLimit(kWORKSPACE, 268435456)",
                "profile input [1, 1, 28, 28] [4, 1, 28, 28] [32, 1, 28, 28]"),
                callsFor("fp32", -1, BuildPlanTest.NANO, 0));
    }

    @Test
    void aFixedShapeGetsNoProfile() {
        InputProfile fixed = new InputProfile("x", List.of(3L, 8L, 8L), 1, 1, 1, false);
        BuildSettings settings = new BuildSettings(PrecisionChoice.FP32, 64L << 20, -1,
                BuildSettings.DEFAULT_BUILD_TIMEOUT, BuildSettings.DEFAULT_TRTEXEC, HostMemory.AUTO, Path.of("c"), 1);
        Recording target = new Recording();
        BuilderTarget.apply(BuildPlan.resolve(settings, BuildPlanTest.ORIN, 0).recipe(fixed, settings, 0), target);
        assertEquals(List.of("setMemoryPoolLimit(kWORKSPACE, 67108864)"), target.calls);
    }
}
