package dev.edgevision.device.cli;

import dev.edgevision.core.frame.Frame;
import dev.edgevision.device.bench.PipelineBenchmark;
import dev.edgevision.device.bench.ReplaySource;
import dev.edgevision.device.bench.StageTotals;
import dev.edgevision.device.config.ApplianceConfig;
import dev.edgevision.device.pipeline.BackendRunners;
import dev.edgevision.device.pipeline.BackendSelection;
import dev.edgevision.device.pipeline.DetectorFactory;
import dev.edgevision.device.pipeline.TensorRtSettings;
import dev.edgevision.device.mqtt.MqttPublisher;
import dev.edgevision.device.service.Appliance;
import dev.edgevision.tensorrt.build.BuildSettings;
import dev.edgevision.tensorrt.serve.EngineOutcome;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code appliance bench} with TensorRT, one precision at a time: the engine is prepared exactly as
 * the service prepares it (cache, build, validation), its build time printed, then the benchmark
 * runs on it; a summary table ends the run.
 */
final class PrecisionBench {
    private final BackendSelection selection;
    private final Path home;
    private final PrintStream out;
    private final double fps;
    private final List<String> rows = new ArrayList<>();

    /** Measures on {@code selection}'s backend, the replay captured at {@code fps} frames/s (0: as fast as taken). */
    PrecisionBench(BackendSelection selection, Path home, PrintStream out, double fps) {
        this.selection = selection;
        this.home = home;
        this.out = out;
        this.fps = fps;
    }

    /** Prepares the engine of {@code config}'s precision as the service would, then measures it. */
    void measure(ApplianceConfig config, List<Frame> frames, double rawSeconds, double seconds,
            MqttPublisher publisher) throws Exception {
        String precision = config.tensorrt().precision();
        BuildSettings settings = TensorRtSettings.from(config.tensorrt(), home, DetectorFactory.MAX_REGIONS);
        out.printf("%n== %s (engines in %s)%n", precision, settings.cacheDir());
        long t0 = System.nanoTime();
        ReplaySource replay = new ReplaySource(frames, fps);
        StageTotals totals = new StageTotals();
        try (Appliance appliance = BenchCommand.assemble(config, home, selection, replay, totals, publisher)) {
            BackendRunners runners = appliance.models().current().runners();
            runners.awaitEngine(settings.buildTimeout().plusMinutes(1));
            double prepared = (System.nanoTime() - t0) / 1e9;
            Optional<EngineOutcome> outcome = runners.outcome();
            if (outcome.isEmpty()) {
                out.printf("engine:          none: %s%n", runners.reason());
                rows.add(String.format("%-9s  %s", precision, "no engine: " + runners.reason()));
                return;
            }
            EngineOutcome o = outcome.get();
            if (!o.plan().precision().wireName().equals(precision)) {
                out.printf("engine:          %s is not built on this GPU: %s%n", precision, String.join("; ", o.plan().notes()));
                rows.add(String.format("%-9s  not built here (%s)", precision, String.join("; ", o.plan().notes())));
                return;
            }
            String build = String.format("%.1f s (%s)", o.buildSeconds(), o.builder());
            out.printf("engine:          %s, built in %s%s; %s%n", o.backend(), build, o.fromCache()
                    ? String.format(", loaded from the cache in %.1f s", prepared) : "", o.validation().reason());
            PipelineBenchmark.Figures f = new PipelineBenchmark(out).run(appliance, replay, totals, frames, rawSeconds,
                    seconds);
            rows.add(String.format("%-9s  %-24s  %10.3f ms  %10.1f  %10.1f", precision, build, f.singleMs(), f.rawFps(),
                    f.pipelineFps()));
        }
    }

    void printSummary() {
        out.printf("%nprecision  engine build              inference (1)  raw frames/s  pipeline frames/s%n");
        rows.forEach(out::println);
    }
}
