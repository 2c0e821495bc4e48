package dev.edgevision.trainer.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

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
        check(new CommandLine(new TrainerCli()), broken);
        assertTrue(broken.isEmpty(), "description lines wrapped by the help layout:\n" + String.join("\n", broken));
    }

    static void check(CommandLine command, List<String> broken) {
        List<String> printed = List.of(command.getUsageMessage(CommandLine.Help.Ansi.OFF).split("\\R"));
        for (String written : command.getCommandSpec().usageMessage().description()) {
            String line = written.replace("%%", "%");
            if (!line.isBlank() && !printed.contains(line)) {
                broken.add(command.getCommandName() + ": " + line);
            }
        }
        command.getSubcommands().values().forEach(c -> {
            if (!(c.getCommand() instanceof CommandLine.HelpCommand)) {
                check(c, broken);
            }
        });
    }
}
