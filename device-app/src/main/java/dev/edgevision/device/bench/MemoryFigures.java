package dev.edgevision.device.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Heap in use after a collection, and the process's resident set from /proc. */
record MemoryFigures(long heapBytes, long rssBytes) {
    static MemoryFigures now() {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        return new MemoryFigures(rt.totalMemory() - rt.freeMemory(), rss());
    }

    private static long rss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    @Override
    public String toString() {
        return String.format("heap %.0f MB, RSS %s", heapBytes / 1e6, rssBytes < 0 ? "n/a" : String.format("%.0f MB", rssBytes / 1e6));
    }
}
