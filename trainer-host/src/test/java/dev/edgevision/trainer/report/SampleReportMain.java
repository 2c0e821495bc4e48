package dev.edgevision.trainer.report;

import java.io.IOException;
import java.nio.file.Path;

/** Writes the sample classifier report for a look in a browser: {@code SampleReportMain [file]}. */
public final class SampleReportMain {
    private SampleReportMain() {
    }

    public static void main(String[] args) throws IOException {
        Path target = Path.of(args.length > 0 ? args[0] : "/tmp/sample-report.html");
        ClassifierReport.write(SampleRuns.digitRun(), target);
        System.out.println("wrote " + target.toAbsolutePath());
    }
}
