package dev.edgevision.trainer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgevision.core.testing.CapturedRun;
import org.junit.jupiter.api.Test;

/** Help texts print cleanly: picocli formats descriptions, so a bare '%' turns into a warning. */
class HelpTextTest {
    @Test
    void helpOfTheDetectorCommandsPrintsWithoutWarnings() {
        for (String command : new String[] {"train-detector", "evaluate", "scenes"}) {
            CapturedRun run = CliRun.of(command, "--help");
            assertEquals(0, run.status(), command + ": " + run.err());
            assertFalse(run.err().contains("WARN") || run.out().contains("WARN"), command + ": " + run.err() + run.out());
            assertTrue(run.out().contains("Usage:"), run.out());
        }
        assertTrue(CliRun.of("train-detector", "--help").out().contains("holding out 10 % of them"));
    }
}
