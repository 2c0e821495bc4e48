package dev.edgevision.core.testing;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * Checks the command-line modules' help as printed against their descriptions as written: a line
 * picocli's 80-column layout wrapped prints as a long line and a stub, so it is not among the
 * printed lines.
 */
public final class HelpLayout {
    private HelpLayout() {
    }

    /**
     * The description lines of {@code root} and every command under it (picocli's own help command
     * aside) that their usage text does not hold as whole lines, each prefixed with its command's
     * name; {@code %%} in a description prints as {@code %}.
     */
    public static List<String> wrapped(CommandLine root) {
        List<String> wrapped = new ArrayList<>();
        collect(root, wrapped);
        return wrapped;
    }

    private static void collect(CommandLine command, List<String> wrapped) {
        List<String> printed = List.of(command.getUsageMessage(CommandLine.Help.Ansi.OFF).split("\\R"));
        for (String written : command.getCommandSpec().usageMessage().description()) {
            String line = written.replace("%%", "%");
            if (!line.isBlank() && !printed.contains(line)) {
                wrapped.add(command.getCommandName() + ": " + line);
            }
        }
        command.getSubcommands().values().forEach(c -> {
            if (!(c.getCommand() instanceof CommandLine.HelpCommand)) {
                collect(c, wrapped);
            }
        });
    }
}
