package dev.edgevision.core.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks a command's help as printed against its description as written, for the command-line
 * modules' tests: a line the layout wrapped prints as a long line and a stub, so it is not among
 * the printed lines.
 */
public final class HelpLayout {
    private HelpLayout() {
    }

    /**
     * The lines of {@code written} (a picocli description, where {@code %%} prints as {@code %})
     * that {@code usage} does not hold as whole lines, each prefixed with {@code command}.
     */
    public static List<String> wrapped(String command, String usage, String[] written) {
        List<String> printed = List.of(usage.split("\\R"));
        List<String> wrapped = new ArrayList<>();
        for (String w : written) {
            String line = w.replace("%%", "%");
            if (!line.isBlank() && !printed.contains(line)) {
                wrapped.add(command + ": " + line);
            }
        }
        return wrapped;
    }
}
