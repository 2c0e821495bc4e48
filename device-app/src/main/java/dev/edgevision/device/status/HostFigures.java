package dev.edgevision.device.status;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The machine's load and temperatures where the platform exposes them: CPU use from
 * {@code /proc/stat} since the previous reading, memory from {@code /proc/meminfo}, every thermal
 * zone of {@code /sys/class/thermal} (on a Jetson: CPU, GPU, SoC and board zones), and the GPU
 * load a Jetson publishes in {@code /sys/devices/.../gpu.0/load} (per mille). A figure the
 * platform does not have is left out.
 *
 * @param cpuPercent CPU use of all cores since the last reading, 0..100
 * @param memoryUsedMb memory in use (total less available), MiB
 * @param memoryTotalMb memory in all, MiB
 * @param gpuPercent the Jetson GPU's load, 0..100
 * @param temperaturesC degrees Celsius by thermal zone type (e.g. {@code cpu-thermal}, {@code gpu-thermal})
 */
public record HostFigures(Double cpuPercent, Long memoryUsedMb, Long memoryTotalMb, Double gpuPercent,
        Map<String, Double> temperaturesC) {

    /** Reads the figures of a machine whose {@code /proc} and {@code /sys} are under {@code root}. */
    public static final class Reader {
        private static final List<String> GPU_LOAD = List.of("sys/devices/platform/gpu.0/load",
                "sys/devices/gpu.0/load", "sys/devices/platform/17000000.gpu/load", "sys/devices/17000000.ga10b/load");
        private final Path root;
        private long lastIdle = -1;
        private long lastTotal = -1;

        /** A reader of the machine whose {@code proc} and {@code sys} directories are under {@code root}. */
        public Reader(Path root) {
            this.root = root;
        }

        /** This machine's figures. */
        public static Reader host() {
            return new Reader(Path.of("/"));
        }

        /** The figures now; CPU use is measured since the previous call, so the first call has none. */
        public synchronized HostFigures read() {
            Map<String, Long> memory = memoryKb();
            Long total = memory.get("MemTotal");
            Long available = memory.get("MemAvailable");
            return new HostFigures(cpu(), total == null || available == null ? null : (total - available) / 1024,
                    total == null ? null : total / 1024, gpu(), temperatures());
        }

        private Double cpu() {
            try {
                String[] f = Files.readAllLines(root.resolve("proc/stat")).get(0).trim().split("\\s+");
                long total = 0;
                for (int i = 1; i < f.length; i++) {
                    total += Long.parseLong(f[i]);
                }
                long idle = Long.parseLong(f[4]) + (f.length > 5 ? Long.parseLong(f[5]) : 0);
                Double percent = lastTotal < 0 || total == lastTotal ? null
                        : Math.round(1000.0 * (1 - (double) (idle - lastIdle) / (total - lastTotal))) / 10.0;
                lastIdle = idle;
                lastTotal = total;
                return percent;
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }

        /** {@code /proc/meminfo}'s figures in KiB, by name; empty when it cannot be read. */
        private Map<String, Long> memoryKb() {
            Map<String, Long> figures = new TreeMap<>();
            try {
                for (String line : Files.readAllLines(root.resolve("proc/meminfo"))) {
                    int colon = line.indexOf(':');
                    String digits = line.replaceAll("[^0-9]", "");
                    if (colon > 0 && !digits.isEmpty()) {
                        figures.put(line.substring(0, colon), Long.parseLong(digits));
                    }
                }
            } catch (IOException | RuntimeException e) {
                return Map.of();
            }
            return figures;
        }

        private Double gpu() {
            for (String file : GPU_LOAD) {
                try {
                    return Long.parseLong(Files.readString(root.resolve(file)).trim()) / 10.0;
                } catch (IOException | RuntimeException e) {
                    // not this board's file
                }
            }
            return null;
        }

        private Map<String, Double> temperatures() {
            Map<String, Double> zones = new TreeMap<>();
            Path thermal = root.resolve("sys/class/thermal");
            if (!Files.isDirectory(thermal)) {
                return null;
            }
            try (DirectoryStream<Path> all = Files.newDirectoryStream(thermal, "thermal_zone*")) {
                for (Path zone : all) {
                    try {
                        String type = Files.readString(zone.resolve("type")).trim();
                        double celsius = Long.parseLong(Files.readString(zone.resolve("temp")).trim()) / 1000.0;
                        zones.put(type.isEmpty() ? zone.getFileName().toString() : type, celsius);
                    } catch (IOException | RuntimeException e) {
                        // a zone without a reading
                    }
                }
            } catch (IOException e) {
                return null;
            }
            return zones.isEmpty() ? null : zones;
        }
    }
}
