package dev.edgevision.trainer.detector.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What Linux reports about this process: peak resident memory ({@code VmHWM} in /proc/self/status)
 * and CPU time of all its threads, native ones included ({@code /proc/self/stat}).
 */
public final class ProcessFigures {
    private static final double CLOCK_TICKS_PER_SECOND = 100.0;

    private ProcessFigures() {
    }

    /** User plus system CPU seconds of the whole process so far, or -1 where /proc is not available. */
    public static double cpuSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / CLOCK_TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Peak resident set in bytes, or -1 where /proc is not available. */
    public static long rssHighWaterBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
