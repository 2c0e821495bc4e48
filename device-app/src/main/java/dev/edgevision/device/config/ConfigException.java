package dev.edgevision.device.config;

import java.nio.file.Path;
import java.util.List;

/** A configuration that cannot be used; lists every problem with its key. */
public class ConfigException extends Exception {
    private final List<String> problems;

    public ConfigException(Path file, List<String> problems) {
        super(file + ": " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Each problem, naming its key and value. */
    public List<String> problems() {
        return problems;
    }
}
