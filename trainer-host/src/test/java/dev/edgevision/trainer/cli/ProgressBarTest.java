package dev.edgevision.trainer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgevision.trainer.classifier.EpochStats;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
    @Test
    void lineShowsShareSpeedAndTimeLeft() {
        String line = ProgressBar.line(3, 30, 3000, 6000, 0.1234, 10);
        assertTrue(line.startsWith("epoch 3/30 [###############...............]  50% 3000/6000"), line);
        assertTrue(line.contains("loss 0.1234"), line);
        assertTrue(line.contains("300 img/s"), line);
        assertTrue(line.contains("0:10 left"), line);
    }

    @Test
    void withoutTerminalOnlyEpochLinesAreWritten() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressBar bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), false);
        bar.batchDone(1, 2, 64, 128, 0.5);
        bar.batchDone(1, 2, 128, 128, 0.4);
        bar.epochDone(new EpochStats(1, 0.45, 0.9, 0.3, 0.92, 65), true);
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertFalse(out.contains("\r"), out);
        assertEquals(1, out.lines().count(), out);
        assertTrue(out.contains("validation loss 0.3000 acc 92.00%  1:05  (best so far)"), out);
    }
}
