package dev.edgevision.device.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgevision.core.testing.HelpLayout;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every line of every command's description prints as written: none is broken by picocli's
 * 80-column wrap into a long line and a stub (picocli's own help command aside).
 */
class HelpLayoutTest {
    @Test
    void noDescriptionLineIsWrapped() {
        List<String> broken = HelpLayout.wrapped(new CommandLine(new ApplianceCli()));
        assertTrue(broken.isEmpty(), "description lines wrapped by the help layout:\n" + String.join("\n", broken));
    }
}
