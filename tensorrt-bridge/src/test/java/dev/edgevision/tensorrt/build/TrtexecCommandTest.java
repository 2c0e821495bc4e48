package dev.edgevision.tensorrt.build;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.edgevision.core.testing.TestBundles;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** trtexec gets the same settings as the in-process builder. */
class TrtexecCommandTest {
    static final InputProfile DIGITS = InputProfile.of(TestBundles.digitManifest().input(), 32);
    static final Path TRTEXEC = Path.of("/usr/src/tensorrt/bin/trtexec");

    @Test
    void fp16WithDynamicBatch() {
        EngineRecipe recipe = new EngineRecipe(DIGITS, Precision.FP16, Set.of(BuilderFlag.FP16), 256L << 20, -1, 0);
        assertEquals(List.of("/usr/src/tensorrt/bin/trtexec", "--onnx=/w/model.onnx", "--saveEngine=/w/engine.plan",
                "--skipInference", "--memPoolSize=workspace:256M", "--minShapes=input:1x1x28x28",
                "--optShapes=input:4x1x28x28", "--maxShapes=input:32x1x28x28", "--fp16",
                "--timingCacheFile=/c/timing.cache"),
                TrtexecCommand.of(TRTEXEC, recipe, Path.of("/w/model.onnx"), Path.of("/w/engine.plan"),
                        Path.of("/c/timing.cache"), Path.of("/c/calibration.cache")));
    }

    @Test
    void int8OnADlaCoreReadsTheCalibrationCacheAndFallsBackToTheGpu() {
        EngineRecipe recipe = new EngineRecipe(DIGITS, Precision.INT8,
                Set.of(BuilderFlag.INT8, BuilderFlag.FP16, BuilderFlag.GPU_FALLBACK), 1536L << 10, 1, 8);
        assertEquals(List.of("/usr/src/tensorrt/bin/trtexec", "--onnx=m.onnx", "--saveEngine=e.plan", "--skipInference",
                "--memPoolSize=workspace:1536K", "--minShapes=input:1x1x28x28", "--optShapes=input:4x1x28x28",
                "--maxShapes=input:32x1x28x28", "--fp16", "--int8", "--calib=/c/calibration-1.cache", "--useDLACore=1",
                "--allowGPUFallback", "--timingCacheFile=t"),
                TrtexecCommand.of(TRTEXEC, recipe, Path.of("m.onnx"), Path.of("e.plan"), Path.of("t"),
                        Path.of("/c/calibration-1.cache")));
    }

    @Test
    void aFixedShapeModelGetsNoShapeOptionsAndOddNamesAreQuoted() {
        InputProfile fixed = new InputProfile("images:0", List.of(3L, 640L, 640L), 1, 1, 1, false);
        EngineRecipe recipe = new EngineRecipe(fixed, Precision.FP32, Set.of(), 64L << 20, -1, 0);
        assertEquals(List.of("trtexec", "--onnx=m", "--saveEngine=e", "--skipInference", "--memPoolSize=workspace:64M",
                "--timingCacheFile=t"), TrtexecCommand.of(Path.of("trtexec"), recipe, Path.of("m"), Path.of("e"),
                Path.of("t"), Path.of("c")));
        InputProfile dynamic = new InputProfile("images:0", List.of(3L, 64L, 64L), 1, 2, 4, true);
        List<String> args = TrtexecCommand.of(Path.of("trtexec"), new EngineRecipe(dynamic, Precision.FP32, Set.of(),
                64L << 20, -1, 0), Path.of("m"), Path.of("e"), Path.of("t"), Path.of("c"));
        assertEquals("--minShapes='images:0':1x3x64x64", args.get(5));
    }
}
