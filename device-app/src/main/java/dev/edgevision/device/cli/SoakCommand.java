package dev.edgevision.device.cli;

import dev.edgevision.device.bench.SoakBenchmark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code appliance soak}: the service left running under load; memory series and QoS 1 losses printed. */
@Command(name = "soak", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Run the service for a long time at full frame rate; print memory and lost QoS 1 records.",
        description = {
            "Starts a Mosquitto of its own on a free loopback port (Debian's mosquitto",
            "package), the service in a process of its own with a synthetic camera and",
            "detections at QoS 1, and a subscriber with a persistent session. Stops the",
            "broker during the run, reads a preview stream if one is given, and prints heap",
            "after collection, resident memory, threads and frames/s every interval; at the",
            "end, records processed against distinct records received. Exits 1 if a QoS 1",
            "record was lost."})
final class SoakCommand implements Callable<Integer> {
    @Option(names = "--minutes", defaultValue = "30", paramLabel = "M", description = "Length (default: ${DEFAULT-VALUE}).")
    double minutes;

    @Option(names = "--fps", defaultValue = "30", paramLabel = "N", description = "Camera frames/s (default: ${DEFAULT-VALUE}).")
    int fps;

    @Option(names = "--broker-restarts", defaultValue = "2", paramLabel = "N",
            description = "Broker stops during the run (default: ${DEFAULT-VALUE}).")
    int brokerRestarts;

    @Option(names = "--broker-down", defaultValue = "5", paramLabel = "S",
            description = "Seconds the broker stays away each time (default: ${DEFAULT-VALUE}).")
    int brokerDown;

    @Option(names = "--sample-seconds", defaultValue = "60", paramLabel = "S",
            description = "Interval of the printed series (default: ${DEFAULT-VALUE}).")
    int sampleSeconds;

    @Option(names = "--model", paramLabel = "BUNDLE", description = "Model bundle (default: models/digit-detector.vbundle).")
    Path model;

    @Option(names = "--viewer", paramLabel = "URL", description = "A preview stream to read all the while.")
    String viewer;

    @Option(names = "--extra-config", paramLabel = "FILE", description = "YAML appended to the service's configuration.")
    Path extraConfig;

    @Option(names = "--work-dir", paramLabel = "DIR", description = "Where files go (default: a new temporary folder).")
    Path workDir;

    @Override
    public Integer call() throws Exception {
        if (!(minutes > 0) || fps < 1 || fps > 120 || brokerRestarts < 0 || brokerDown < 1 || sampleSeconds < 1) {
            throw new IllegalArgumentException("soak: --minutes > 0, --fps 1..120, --broker-restarts >= 0, "
                    + "--broker-down >= 1 and --sample-seconds >= 1 are needed");
        }
        Path home = ApplianceHome.path();
        Path bundle = model != null ? model : home.resolve("models/digit-detector.vbundle");
        if (!Files.isRegularFile(bundle)) {
            throw new IllegalArgumentException("--model " + bundle + " is not a file; give a .vbundle");
        }
        String extra = extraConfig == null ? null : Files.readString(extraConfig);
        Path dir = workDir != null ? workDir : Files.createTempDirectory("edgevision-soak");
        System.out.printf(Locale.ROOT, "soak: %.1f min, %d frames/s, %d broker stops of %d s, files in %s%n", minutes, fps,
                brokerRestarts, brokerDown, dir);
        SoakBenchmark.Outcome o = new SoakBenchmark(new SoakBenchmark.Plan(minutes, fps, brokerRestarts, brokerDown,
                sampleSeconds, bundle, viewer, extra, dir), System.out).run();
        // The lowest heap the stats showed in each interval: the heap just after a collection. (The
        // old generation's after-collection figure stays 0 until its first collection, minutes in.)
        System.out.printf(Locale.ROOT, "lowest heap (MB):    first quarter median %s, last quarter median %s%n",
                quarter(o.series(), 2, true), quarter(o.series(), 2, false));
        System.out.printf(Locale.ROOT, "resident (MB):       first quarter median %s, last quarter median %s%n",
                quarter(o.series(), 3, true), quarter(o.series(), 3, false));
        System.out.printf(Locale.ROOT, "QoS 1 records:       %d processed, %d distinct received, %d lost, %d duplicates%n",
                o.processed(), o.received(), o.lost(), o.duplicates());
        return o.processed() >= 0 && o.lost() == 0 ? 0 : 1;
    }

    /** Median of column {@code col} over the first or last quarter of the series. */
    static String quarter(List<long[]> series, int col, boolean first) {
        long[] values = series.stream().mapToLong(r -> r[col]).filter(v -> v >= 0).toArray();
        if (values.length == 0) {
            return "n/a";
        }
        int n = Math.max(1, values.length / 4);
        long[] part = first ? Arrays.copyOfRange(values, 0, n) : Arrays.copyOfRange(values, values.length - n, values.length);
        Arrays.sort(part);
        return Long.toString(part[part.length / 2]);
    }
}
