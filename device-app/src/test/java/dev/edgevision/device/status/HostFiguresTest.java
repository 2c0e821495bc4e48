package dev.edgevision.device.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The host figures read from a fake Jetson's /proc and /sys, and from a machine that has almost none. */
class HostFiguresTest {
    @TempDir
    Path root;

    @Test
    void readsLoadMemoryGpuAndThermalZonesOfAJetsonLayout() throws Exception {
        write("proc/stat", "cpu  100 0 100 700 100 0 0 0 0 0\ncpu0 50 0 50 350 50 0 0 0 0 0\n");
        write("proc/meminfo", "MemTotal:        8000000 kB\nMemFree:  1000000 kB\nMemAvailable:    6000000 kB\n");
        write("sys/devices/platform/gpu.0/load", "437\n");
        write("sys/class/thermal/thermal_zone0/type", "cpu-thermal\n");
        write("sys/class/thermal/thermal_zone0/temp", "47500\n");
        write("sys/class/thermal/thermal_zone1/type", "gpu-thermal\n");
        write("sys/class/thermal/thermal_zone1/temp", "45000\n");
        write("sys/class/thermal/thermal_zone2/type", "broken\n");
        write("sys/class/thermal/thermal_zone2/temp", "n/a\n");
        HostFigures.Reader reader = new HostFigures.Reader(root);

        HostFigures first = reader.read();
        assertNull(first.cpuPercent(), "no CPU figure before a second reading");
        assertEquals(1953, first.memoryUsedMb());
        assertEquals(7812, first.memoryTotalMb());
        assertEquals(43.7, first.gpuPercent());
        assertEquals(Map.of("cpu-thermal", 47.5, "gpu-thermal", 45.0), first.temperaturesC());

        // 1000 more jiffies of which 250 idle or waiting: 75 % busy.
        write("proc/stat", "cpu  400 0 400 900 150 0 150 0 0 0\n");
        assertEquals(75.0, reader.read().cpuPercent());
    }

    @Test
    void aMachineWithoutTheFilesHasNoFiguresRatherThanWrongOnes() throws Exception {
        write("proc/stat", "garbage\n");
        HostFigures figures = new HostFigures.Reader(root).read();
        assertNull(figures.cpuPercent());
        assertNull(figures.memoryTotalMb());
        assertNull(figures.gpuPercent());
        assertNull(figures.temperaturesC());
    }

    private void write(String file, String text) throws Exception {
        Path p = root.resolve(file);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }
}
