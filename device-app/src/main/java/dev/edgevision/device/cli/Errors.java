package dev.edgevision.device.cli;

import dev.edgevision.core.io.Redaction;
import dev.edgevision.core.detect.DetectorException;
import dev.edgevision.core.model.BundleException;
import dev.edgevision.device.config.ConfigException;
import java.io.IOException;

/** One-line descriptions of failures for the command line. */
final class Errors {
    private Errors() {
    }

    /** What {@code e} says, one line, with every secret masked ({@link Redaction}). */
    static String describe(Throwable e) {
        return Redaction.text(unmasked(e));
    }

    private static String unmasked(Throwable e) {
        if (e instanceof java.nio.file.NoSuchFileException n) {
            return n.getFile() + ": no such file or folder";
        }
        if (e instanceof BundleException || e instanceof ConfigException || e instanceof DetectorException
                || e instanceof IOException || e instanceof IllegalArgumentException
                || e instanceof IllegalStateException) {
            return e.getMessage();
        }
        return "unexpected " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
                + " (run again with --verbose for the stack trace)";
    }
}
