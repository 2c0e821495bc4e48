package dev.edgevision.device.cli;

import dev.edgevision.core.io.Redaction;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Standard output and error of the service, line by line through {@link Redaction}: whatever a
 * library logs or prints (a connection error quoting a URI, a stack trace holding a message) loses
 * its passwords before it reaches the terminal or the journal. Lines are held until their newline,
 * or until 64 KiB, or a flush.
 */
final class RedactingOutput extends OutputStream {
    private static final int LONGEST_LINE = 64 * 1024;

    private final OutputStream out;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);

    private RedactingOutput(OutputStream out) {
        this.out = out;
    }

    /** Replaces {@code System.out} and {@code System.err} by redacting ones, once. */
    static synchronized void install() {
        if (!(System.err instanceof Redacting)) {
            System.setOut(new Redacting(new RedactingOutput(System.out)));
            System.setErr(new Redacting(new RedactingOutput(System.err)));
        }
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
        out.write(Redaction.text(text).getBytes(StandardCharsets.UTF_8));
    }

    /** A print stream over a {@link RedactingOutput}, recognisable so that it is installed once. */
    private static final class Redacting extends PrintStream {
        Redacting(RedactingOutput out) {
            super(out, true, StandardCharsets.UTF_8);
        }
    }
}
