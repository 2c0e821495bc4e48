package dev.edgevision.tensorrt.build;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgevision.core.testing.TestBundles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When the in-process builder fails, which failures are worth trying trtexec for. */
class FallbackEngineBuilderTest {
    @TempDir
    Path dir;

    BuildRequest request(Precision precision) {
        InputProfile profile = InputProfile.of(TestBundles.digitManifest().input(), 8);
        Set<BuilderFlag> flags = precision == Precision.INT8 ? Set.of(BuilderFlag.INT8) : Set.of();
        EngineRecipe recipe = new EngineRecipe(profile, precision, flags, 64L << 20, -1,
                precision == Precision.INT8 ? 4 : 0);
        CalibrationBatches calibration = precision == Precision.INT8
                ? CalibrationBatches.of(List.of(TestBundles.digitImage(0)), TestBundles.digitManifest().input(), 4) : null;
        return new BuildRequest("digits", new byte[] {1}, recipe, calibration, dir.resolve("timing.cache"),
                dir.resolve("calibration.cache"), dir.resolve("work"));
    }

    static EngineBuildException failure(EngineBuildException.Kind kind) {
        return new EngineBuildException(kind, "failed");
    }

    @Test
    void libraryAndBuildFailuresFallBackParseErrorsAndCancellationsDoNot() {
        BuildRequest fp16 = request(Precision.FP16);
        assertNotNull(FallbackEngineBuilder.fallsBack(failure(EngineBuildException.Kind.NATIVE_LIBRARY), fp16));
        assertNotNull(FallbackEngineBuilder.fallsBack(failure(EngineBuildException.Kind.BUILD), fp16));
        assertNull(FallbackEngineBuilder.fallsBack(failure(EngineBuildException.Kind.PARSE), fp16),
                "trtexec uses the same parser");
        assertNull(FallbackEngineBuilder.fallsBack(failure(EngineBuildException.Kind.CANCELLED), fp16));
        assertNull(FallbackEngineBuilder.fallsBack(failure(EngineBuildException.Kind.UNSUPPORTED), fp16));
    }

    @Test
    void int8FallsBackOnlyOnceACalibrationCacheExists() throws Exception {
        BuildRequest int8 = request(Precision.INT8);
        assertNull(FallbackEngineBuilder.fallsBack(failure(EngineBuildException.Kind.BUILD), int8));
        Files.write(int8.calibrationCache(), new byte[] {1});
        assertNotNull(FallbackEngineBuilder.fallsBack(failure(EngineBuildException.Kind.BUILD), int8));
    }

    @Test
    void theSecondBuilderRunsWithTheSameRequestAndBothReasonsAreKeptWhenItFailsToo() throws Exception {
        List<BuildRequest> seen = new ArrayList<>();
        EngineBuilder broken = builder("in-process", seen, failure(EngineBuildException.Kind.NATIVE_LIBRARY), null);
        EngineBuilder works = builder("trtexec", seen, null, new byte[] {7});
        List<String> progress = new ArrayList<>();
        BuiltEngine built = new FallbackEngineBuilder(broken, works).build(request(Precision.FP16), progress::add);
        assertArrayEquals(new byte[] {7}, built.plan());
        assertEquals("trtexec", built.builder());
        assertEquals(2, seen.size());
        assertEquals(seen.get(0), seen.get(1));
        assertTrue(progress.get(0).startsWith("in-process build failed; trying trtexec"), progress.toString());

        EngineBuilder alsoBroken = builder("trtexec", seen, failure(EngineBuildException.Kind.TOOL_MISSING), null);
        EngineBuildException e = assertThrows(EngineBuildException.class,
                () -> new FallbackEngineBuilder(broken, alsoBroken).build(request(Precision.FP16), BuildProgress.NONE));
        assertEquals("in-process: failed; then trtexec: failed", e.getMessage());
        assertEquals(EngineBuildException.Kind.TOOL_MISSING, e.kind());
    }

    @Test
    void aParseErrorIsReportedWithoutTryingTrtexec() {
        List<BuildRequest> seen = new ArrayList<>();
        EngineBuilder parser = builder("in-process", seen, failure(EngineBuildException.Kind.PARSE), null);
        EngineBuilder never = builder("trtexec", seen, null, new byte[] {1});
        assertThrows(EngineBuildException.class,
                () -> new FallbackEngineBuilder(parser, never).build(request(Precision.FP16), BuildProgress.NONE));
        assertEquals(1, seen.size());
    }

    static EngineBuilder builder(String name, List<BuildRequest> seen, EngineBuildException failure, byte[] plan) {
        return new EngineBuilder() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public BuiltEngine build(BuildRequest request, BuildProgress progress) throws EngineBuildException {
                seen.add(request);
                if (failure != null) {
                    throw failure;
                }
                return new BuiltEngine(plan, name);
            }
        };
    }
}
