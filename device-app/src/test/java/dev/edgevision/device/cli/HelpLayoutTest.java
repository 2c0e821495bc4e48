package dev.edgevision.device.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgevision.core.testing.HelpLayout;
import java.util.ArrayList;
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
        List<String> broken = new ArrayList<>();
        check(new CommandLine(new ApplianceCli()), broken);
        assertTrue(broken.isEmpty(), "description lines wrapped by the help layout:\n" + String.join("\n", broken));
    }

    private static void check(CommandLine command, List<String> broken) {
        broken.addAll(HelpLayout.wrapped(command.getCommandName(), command.getUsageMessage(CommandLine.Help.Ansi.OFF),
                command.getCommandSpec().usageMessage().description()));
        command.getSubcommands().values().forEach(c -> {
            if (!(c.getCommand() instanceof CommandLine.HelpCommand)) {
                check(c, broken);
            }
        });
    }
}
