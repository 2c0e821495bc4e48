package dev.edgevision.trainer.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The report's stylesheet, kept in {@code report.css} beside this class and inlined into each page. */
final class ReportStyle {
    static final String CSS = load();

    private ReportStyle() {
    }

    private static String load() {
        try (InputStream in = ReportStyle.class.getResourceAsStream("report.css")) {
            if (in == null) {
                throw new IllegalStateException("report.css is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("reading report.css failed", e);
        }
    }
}
