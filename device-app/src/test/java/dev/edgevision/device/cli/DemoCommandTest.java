package dev.edgevision.device.cli;

import dev.edgevision.core.testing.CapturedRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's first command: records travel from the synthetic camera through MQTT to the printout. */
class DemoCommandTest {
    @Test
    void detectionsArriveOverTheEmbeddedBroker() {
        System.setProperty("edgevision.home", Path.of("..").toAbsolutePath().normalize().toString());
        CapturedRun run = CliRun.of("demo", "--seconds", "6", "--camera", "synthetic://digits?fps=5&seed=3");
        assertEquals(0, run.status(), run.err());
        long lines = run.out().lines().filter(l -> l.startsWith("cam0 frame")).count();
        assertTrue(lines >= 10, "about 5 frames a second for 6 s arrive over MQTT, got " + lines + ":\n" + run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.matches("cam0 frame .* [0-9] 0\\.\\d\\d @\\d+,\\d+.*")),
                "some frames carry digits: " + run.out());
        assertTrue(run.out().contains("[vision/demo/status] online"), run.out());
        assertTrue(run.err().contains("the subscriber received"), run.err());
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("(\\d+) of (\\d+) digits found and named right").matcher(run.err());
        assertTrue(m.find(), "the demo scores itself against the synthetic ground truth: " + run.err());
        double share = Double.parseDouble(m.group(1)) / Double.parseDouble(m.group(2));
        assertTrue(share >= 0.85, "at least 85 % of the digits on the synthetic pages read right: " + m.group());
    }
}
