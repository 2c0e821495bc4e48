package dev.edgevision.device.cli;

import dev.edgevision.core.io.Redaction;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;

/**
 * Standard output and error of the service, line by line through {@link Redaction}: whatever a
 * library logs or prints (a connection error quoting a URI, a stack trace holding a message) loses
 * its passwords before it reaches the terminal or the journal. Standard error (the log) masks the
 * registered secret values too; standard output, which carries records as JSON Lines without a
 * broker, masks URI passwords only, so that a short password equal to a number never garbles a
 * record. Lines are held until their newline, or until 64 KiB, or a flush.
 */
final class RedactingOutput extends OutputStream {
    private static final int LONGEST_LINE = 64 * 1024;

    private final OutputStream out;
    private final UnaryOperator<String> redaction;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);

    private RedactingOutput(OutputStream out, UnaryOperator<String> redaction) {
        this.out = out;
        this.redaction = redaction;
    }

    /** Replaces {@code System.out} and {@code System.err} by redacting ones, once. */
    static synchronized void install() {
        if (!(System.err instanceof Redacting)) {
            PrintStream out = over(System.out, Redaction::uris);
            PrintStream err = over(System.err, Redaction::text);
            System.setOut(out);
            System.setErr(err);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                out.flush();
                err.flush();
            }, "flush-output"));
        }
    }

    /** A print stream writing to {@code out} line by line through {@code redaction}. */
    static PrintStream over(OutputStream out, UnaryOperator<String> redaction) {
        return new Redacting(new RedactingOutput(out, redaction));
    }

    @Override
    public synchronized void write(int b) throws IOException {
        line.write(b);
        if (b == '\n' || line.size() >= LONGEST_LINE) {
            emit();
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            write(b[i]);
        }
    }

    @Override
    public synchronized void flush() throws IOException {
        emit();
        out.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        flush();
        out.close();
    }

    private void emit() throws IOException {
        if (line.size() == 0) {
            return;
        }
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        out.write(redaction.apply(text).getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** A print stream over a {@link RedactingOutput}, recognisable so that it is installed once. */
    private static final class Redacting extends PrintStream {
        Redacting(RedactingOutput out) {
            // No auto-flush: PrintStream would flush (and so cut) a line at every print(); each
            // line is written on through when its newline comes, and flush() sends a partial one.
            super(out, false, StandardCharsets.UTF_8);
        }
    }
}
