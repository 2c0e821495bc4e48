package dev.edgevision.tensorrt.build;

/** Receives what a build is doing, one short line at a time (for the log and the MQTT status). */
@FunctionalInterface
public interface BuildProgress {
    /** A progress that discards everything. */
    BuildProgress NONE = line -> { };

    void report(String line);
}
