package dev.edgevision.device.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgevision.core.detect.DetectionJson;
import dev.edgevision.core.detect.DetectionRecord;
import dev.edgevision.core.testing.CapturedRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service from a configuration file: records on standard output when no broker is configured. */
class RunCommandTest {
    @TempDir
    Path dir;

    Path config(String cameras) throws Exception {
        String home = Path.of("..").toAbsolutePath().normalize().toString();
        System.setProperty("edgevision.home", home);
        return Files.writeString(dir.resolve("appliance.yaml"), """
                device:
                  id: test-01
                model:
                  bundle: %s/models/digits.vbundle
                  threshold: 0.5
                cameras:
                %s""".formatted(home, cameras));
    }

    @Test
    void finiteCameraRunsToItsEndAndPrintsOneRecordPerFrame() throws Exception {
        Path file = config("""
                  - name: cam0
                    uri: synthetic://digits?fps=0&frames=6&seed=5
                """);
        CapturedRun run = CliRun.of("run", "--config", file.toString());
        assertEquals(0, run.status(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(6, lines.size(), run.out());
        DetectionRecord last = DetectionJson.read(lines.get(5));
        assertEquals("test-01", last.device());
        assertEquals("cam0", last.camera());
        assertEquals(6, last.frame());
        assertTrue(last.source().startsWith("synthetic://digits"), last.source());
        assertTrue(run.err().contains("backend onnxruntime"), "the backend choice is logged with its reason: " + run.err());
    }

    @Test
    void aCameraThatCannotOpenIsReportedAndTheOthersRun() throws Exception {
        Path file = config("""
                  - name: bad
                    uri: nosuch://thing
                  - name: good
                    uri: synthetic://digits?fps=0&frames=3
                """);
        CapturedRun run = CliRun.of("run", "--config", file.toString());
        assertEquals(0, run.status(), run.err());
        assertEquals(3, run.out().lines().count(), run.out());
        assertTrue(run.err().contains("camera bad:") && run.err().contains("unknown scheme 'nosuch://'"), run.err());
    }

    @Test
    void badConfigurationNamesKeyAndValue() throws Exception {
        Path file = Files.writeString(dir.resolve("bad.yaml"), """
                device:
                  id: x
                model:
                  bundle: m.vbundle
                  backend: quantum
                cameras: []
                """);
        CapturedRun run = CliRun.of("run", "--config", file.toString());
        assertEquals(1, run.status());
        assertTrue(run.err().contains("model.backend must be auto, tensorrt or onnxruntime, got 'quantum'"), run.err());
        assertTrue(run.err().contains("cameras is missing"), run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
    }
}
