package dev.edgevision.device.config;

import dev.edgevision.core.io.Redaction;
import java.nio.file.Path;
import java.util.List;

/** A configuration that cannot be used; lists every problem with its key (secrets masked). */
public class ConfigException extends Exception {
    private final List<String> problems;

    public ConfigException(Path file, List<String> problems) {
        super(Redaction.text(file + ": " + String.join("; ", problems)));
        this.problems = problems.stream().map(Redaction::text).toList();
    }

    /** Each problem, naming its key and value. */
    public List<String> problems() {
        return problems;
    }
}
