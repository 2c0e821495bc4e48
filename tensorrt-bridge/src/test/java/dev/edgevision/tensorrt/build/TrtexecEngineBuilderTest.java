package dev.edgevision.tensorrt.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgevision.core.testing.TestBundles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trtexec builder against stand-in trtexec scripts: output, exit status, files, interruption. */
class TrtexecEngineBuilderTest {
    @TempDir
    Path dir;

    Path script(String body) throws Exception {
        Path file = dir.resolve("trtexec");
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    BuildRequest request(Precision precision) {
        InputProfile profile = InputProfile.of(TestBundles.digitManifest().input(), 8);
        Set<BuilderFlag> flags = precision == Precision.INT8 ? Set.of(BuilderFlag.INT8) : Set.of(BuilderFlag.FP16);
        EngineRecipe recipe = new EngineRecipe(profile, precision, flags, 64L << 20, -1, precision == Precision.INT8 ? 1 : 0);
        CalibrationBatches calibration = precision == Precision.INT8
                ? CalibrationBatches.of(List.of(TestBundles.digitImage(0)), TestBundles.digitManifest().input(), 1) : null;
        return new BuildRequest("digits", "onnx bytes".getBytes(StandardCharsets.UTF_8), recipe, calibration,
                dir.resolve("cache/timing.cache"), dir.resolve("cache/calibration.cache"), dir.resolve("cache/work"));
    }

    /** A stand-in that saves an engine and a timing cache where told, and records its arguments. */
    static final String SAVES = """
            for a in "$@"; do
              case "$a" in
                --saveEngine=*) printf 'engine for %s' "$(cat "${0%/*}/cache/work/model.onnx")" > "${a#--saveEngine=}" ;;
                --timingCacheFile=*) printf 'timings' >> "${a#--timingCacheFile=}" ;;
              esac
            done
            echo "$@" > "${0%/*}/args"
            echo "[I] [TRT] building"
            """;

    @Test
    void aSuccessfulRunGivesTheEngineAndUpdatesTheTimingCache() throws Exception {
        Path trtexec = script(SAVES);
        Files.createDirectories(dir.resolve("cache"));
        Files.writeString(dir.resolve("cache/timing.cache"), "old ");
        List<String> progress = new CopyOnWriteArrayList<>();
        BuiltEngine built = new TrtexecEngineBuilder(trtexec).build(request(Precision.FP16), progress::add);
        assertEquals("engine for onnx bytes", new String(built.plan(), StandardCharsets.UTF_8));
        assertEquals("trtexec", built.builder());
        assertEquals("old timings", Files.readString(dir.resolve("cache/timing.cache")), "copied, extended, replaced");
        String args = Files.readString(dir.resolve("args"));
        assertTrue(args.contains("--fp16") && args.contains("--memPoolSize=workspace:64M")
                && args.contains("--maxShapes=input:8x1x28x28"), args);
        assertTrue(progress.contains("[I] [TRT] building"), progress.toString());
        try (var left = Files.list(dir.resolve("cache/work"))) {
            assertEquals(0, left.count(), "temporary files removed");
        }
    }

    @Test
    void aParserFailureIsReportedAsSuchWithTrtexecsErrors() throws Exception {
        Path trtexec = script("""
                echo "[E] [TRT] ModelImporter.cpp:949: While parsing node number 3 [Foo -> \\"y\\"]:"
                echo "[E] Failed to parse onnx file"
                exit 1""");
        EngineBuildException e = assertThrows(EngineBuildException.class,
                () -> new TrtexecEngineBuilder(trtexec).build(request(Precision.FP16), BuildProgress.NONE));
        assertEquals(EngineBuildException.Kind.PARSE, e.kind());
        assertTrue(e.getMessage().startsWith("trtexec exited with status 1: [E] [TRT] ModelImporter.cpp:949: While parsing"
                + " node number 3"), e.getMessage());
    }

    @Test
    void anotherFailureIsABuildFailure() throws Exception {
        Path trtexec = script("echo 'out of memory'; exit 3");
        EngineBuildException e = assertThrows(EngineBuildException.class,
                () -> new TrtexecEngineBuilder(trtexec).build(request(Precision.FP16), BuildProgress.NONE));
        assertEquals(EngineBuildException.Kind.BUILD, e.kind());
        assertEquals("trtexec exited with status 3: out of memory", e.getMessage());
        Path silent = script("exit 0");
        e = assertThrows(EngineBuildException.class,
                () -> new TrtexecEngineBuilder(silent).build(request(Precision.FP16), BuildProgress.NONE));
        assertTrue(e.getMessage().startsWith("trtexec reported success but wrote no engine"), e.getMessage());
    }

    @Test
    void aMissingTrtexecAndInt8WithoutCalibrationCacheAreClearErrors() throws Exception {
        EngineBuildException missing = assertThrows(EngineBuildException.class, () -> new TrtexecEngineBuilder(
                dir.resolve("none")).build(request(Precision.FP16), BuildProgress.NONE));
        assertEquals(EngineBuildException.Kind.TOOL_MISSING, missing.kind());
        assertTrue(missing.getMessage().contains("set tensorrt.trtexec"), missing.getMessage());
        EngineBuildException int8 = assertThrows(EngineBuildException.class, () -> new TrtexecEngineBuilder(
                script(SAVES)).build(request(Precision.INT8), BuildProgress.NONE));
        assertEquals(EngineBuildException.Kind.UNSUPPORTED, int8.kind());
    }

    @Test
    void int8ReadsTheCalibrationCache() throws Exception {
        Path trtexec = script(SAVES);
        Files.createDirectories(dir.resolve("cache"));
        Files.writeString(dir.resolve("cache/calibration.cache"), "scales");
        new TrtexecEngineBuilder(trtexec).build(request(Precision.INT8), BuildProgress.NONE);
        String args = Files.readString(dir.resolve("args"));
        assertTrue(args.contains("--int8 --calib=" + dir.resolve("cache/calibration.cache")), args);
    }

    @Test
    void interruptingTheBuildKillsTrtexec() throws Exception {
        Path trtexec = script("echo $$ > \"${0%/*}/pid\"; exec sleep 60");
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            try {
                new TrtexecEngineBuilder(trtexec).build(request(Precision.FP16), BuildProgress.NONE);
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        caller.start();
        Path pidFile = dir.resolve("pid");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!(Files.exists(pidFile) && Files.size(pidFile) > 0) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        long pid = Long.parseLong(Files.readString(pidFile).trim());
        caller.interrupt();
        caller.join(5000);
        assertFalse(caller.isAlive());
        assertTrue(thrown.get() instanceof InterruptedException, String.valueOf(thrown.get()));
        Thread.sleep(200);
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "trtexec was killed");
    }
}
