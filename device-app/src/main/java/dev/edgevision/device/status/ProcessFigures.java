package dev.edgevision.device.status;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The service process's own memory: what a leak shows in. Heap after the last collection is the
 * figure that stays flat in a healthy service (heap in use saw-tooths between collections).
 *
 * @param heapUsedMb heap in use now, MiB
 * @param heapAfterGcMb heap in use after the most recent collection of each pool, MiB
 * @param heapMaxMb the heap's limit, MiB
 * @param rssMb resident set from {@code /proc/self/status}, MiB; {@code null} off Linux
 * @param threads live threads
 */
public record ProcessFigures(long heapUsedMb, long heapAfterGcMb, long heapMaxMb, Long rssMb, int threads) {
    private static final long MIB = 1024 * 1024;

    /** The figures of this process now. */
    public static ProcessFigures now() {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        long afterGc = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage collected = pool.getType() == MemoryType.HEAP ? pool.getCollectionUsage() : null;
            if (collected != null) {
                afterGc += collected.getUsed();
            }
        }
        return new ProcessFigures(heap.getUsed() / MIB, afterGc / MIB, heap.getMax() / MIB, rssMb(Path.of("/proc/self/status")),
                ManagementFactory.getThreadMXBean().getThreadCount());
    }

    /** {@code VmRSS} of a {@code /proc/PID/status} file in MiB, or {@code null} if it has none. */
    public static Long rssMb(Path procStatus) {
        Long kb = rssKb(procStatus);
        return kb == null ? null : kb / 1024;
    }

    /** {@code VmRSS} of a {@code /proc/PID/status} file in KiB, or {@code null} if it has none. */
    public static Long rssKb(Path procStatus) {
        try {
            for (String line : Files.readAllLines(procStatus)) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return null;
    }
}
