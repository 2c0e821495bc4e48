package dev.edgevision.device.service;

import dev.edgevision.core.detect.DetectionJson;
import dev.edgevision.core.detect.DetectionPublisher;
import dev.edgevision.core.detect.DetectionRecord;
import java.io.PrintStream;

/** Publishes records as JSON Lines on standard output: the service without a broker. */
public final class StdoutPublisher implements DetectionPublisher {
    private final PrintStream out;

    public StdoutPublisher(PrintStream out) {
        this.out = out;
    }

    @Override
    public void publish(String camera, DetectionRecord record) {
        out.println(DetectionJson.write(record));
    }

    @Override
    public void close() {
        out.flush();
    }
}
