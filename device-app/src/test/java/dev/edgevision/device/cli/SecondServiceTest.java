package dev.edgevision.device.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgevision.device.mqtt.EmbeddedBroker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A second {@code appliance run} on the same spool (and state) folders says so plainly and exits 1. */
@Tag("bad-input")
class SecondServiceTest {
    static final Path HOME = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @Test
    void theSecondServiceIsToldTheFolderIsInUse() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.start(0)) {
            Path config = dir.resolve("appliance.yaml");
            Files.writeString(config, String.join("\n", "device:", "  id: twice-1",
                    "model:", "  bundle: " + HOME.resolve("models/digits.vbundle"), "  backend: onnxruntime",
                    "  threads: 1", "cameras:", "  - name: desk", "    uri: synthetic://digits?fps=5",
                    "mqtt:", "  broker: " + broker.uri(), "  spool_dir: " + dir.resolve("spool"),
                    "update:", "  state_dir: " + dir.resolve("updates"), ""));
            Path firstLog = dir.resolve("first.log");
            Process first = start(config, firstLog);
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (!Files.readString(firstLog).contains("started") && System.nanoTime() < deadline
                        && first.isAlive()) {
                    Thread.sleep(50);
                }
                assertTrue(first.isAlive(), "the first service runs:\n" + Files.readString(firstLog));
                Path secondLog = dir.resolve("second.log");
                Process second = start(config, secondLog);
                assertTrue(second.waitFor(60, TimeUnit.SECONDS), "the second service ends by itself");
                String out = Files.readString(secondLog, StandardCharsets.UTF_8);
                assertEquals(1, second.exitValue(), out);
                assertTrue(out.contains("in use by another"), out);
                assertFalse(out.contains("unexpected"), out);
                System.out.println("second service: " + out.lines().filter(l -> l.contains("in use")).findFirst()
                        .orElse(""));
            } finally {
                first.destroy();
                first.waitFor(20, TimeUnit.SECONDS);
                first.destroyForcibly();
            }
        }
    }

    private static Process start(Path config, Path log) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(List.of(java, "-Xmx384m", "-XX:TieredStopAtLevel=1", "-Dedgevision.home=" + HOME,
                "-cp", System.getProperty("java.class.path"), ApplianceCli.class.getName(), "run", "--config",
                config.toString())).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }
}
