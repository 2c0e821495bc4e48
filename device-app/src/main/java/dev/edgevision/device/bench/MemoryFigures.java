package dev.edgevision.device.bench;

import dev.edgevision.device.status.ProcessFigures;
import java.nio.file.Path;

/** Heap in use after a collection, and the process's resident set from /proc. */
record MemoryFigures(long heapBytes, long rssBytes) {
    static MemoryFigures now() {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        return new MemoryFigures(rt.totalMemory() - rt.freeMemory(), rss());
    }

    private static long rss() {
        Long kb = ProcessFigures.rssKb(Path.of("/proc/self/status"));
        return kb == null ? -1 : kb * 1024;
    }

    @Override
    public String toString() {
        return String.format("heap %.0f MB, RSS %s", heapBytes / 1e6, rssBytes < 0 ? "n/a" : String.format("%.0f MB", rssBytes / 1e6));
    }
}
