package dev.edgevision.device.service;

import dev.edgevision.core.detect.DetectionJson;
import dev.edgevision.core.detect.DetectionRecord;
import java.io.PrintStream;

/** Records as JSON Lines on standard output: the service without a broker. */
public final class StdoutListener implements ApplianceListener {
    private final PrintStream out;

    public StdoutListener(PrintStream out) {
        this.out = out;
    }

    @Override
    public void onRecord(String camera, DetectionRecord record) {
        out.println(DetectionJson.write(record));
    }

    @Override
    public void close() {
        out.flush();
    }
}
