package dev.edgevision.trainer.cli;

import dev.edgevision.core.model.BundleException;
import dev.edgevision.ort.OrtModelException;
import dev.edgevision.core.idx.DatasetException;
import dev.edgevision.trainer.bundle.ForeignModelException;
import java.io.IOException;
import dev.edgevision.trainer.detector.labels.LabelException;
import java.io.UncheckedIOException;
import picocli.CommandLine;

/**
 * Turns an exception escaping a command into one line on standard error and exit status 1.
 * Known failures (bad dataset, bad bundle, bad option value) print their message alone; anything
 * else also says that it is unexpected. {@code --verbose} adds the stack trace.
 */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {
    private final boolean verbose;

    ErrorReporter(boolean verbose) {
        this.verbose = verbose;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        System.err.println("trainer " + cli.getCommandName() + ": error: " + describe(e));
        if (verbose) {
            e.printStackTrace(System.err);
        } else if (!isExpected(e)) {
            System.err.println("(run again with --verbose for the stack trace)");
        }
        return 1;
    }

    static boolean isExpected(Throwable e) {
        return e instanceof DatasetException || e instanceof BundleException || e instanceof UsageException
                || e instanceof OrtModelException || e instanceof ForeignModelException || e instanceof IOException
                || e instanceof UncheckedIOException || e instanceof LabelException
                || e instanceof dev.edgevision.core.trust.TrustStoreException;
    }

    static String describe(Throwable e) {
        if (e instanceof UncheckedIOException u) {
            return describe(u.getCause());
        }
        if (e instanceof java.nio.file.NoSuchFileException n) {
            return n.getFile() + ": no such file or folder";
        }
        if (e instanceof java.nio.file.AccessDeniedException a) {
            return a.getFile() + ": permission denied";
        }
        if (isExpected(e)) {
            return e.getMessage();
        }
        return "unexpected " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
