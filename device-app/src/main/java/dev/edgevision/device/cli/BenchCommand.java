package dev.edgevision.device.cli;

import dev.edgevision.core.frame.Frame;
import dev.edgevision.core.model.ModelBundle;
import dev.edgevision.core.detect.DetectionRecord;
import dev.edgevision.device.bench.PeerComparison;
import dev.edgevision.device.bench.PipelineBenchmark;
import dev.edgevision.device.bench.ReplaySource;
import dev.edgevision.device.bench.StageTotals;
import dev.edgevision.device.config.ApplianceConfig;
import dev.edgevision.device.status.DeviceStatus;
import dev.edgevision.device.mqtt.EmbeddedBroker;
import dev.edgevision.device.mqtt.MqttPublisher;
import dev.edgevision.device.mqtt.MqttSettings;
import dev.edgevision.device.pipeline.BackendChoice;
import dev.edgevision.device.pipeline.BackendSelection;
import dev.edgevision.device.pipeline.BackendSelector;
import dev.edgevision.device.pipeline.DetectorFactory;
import dev.edgevision.device.pipeline.PreprocessingSelector;
import dev.edgevision.device.service.Appliance;
import dev.edgevision.device.service.ApplianceListener;
import dev.edgevision.tensorrt.build.PrecisionChoice;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code appliance bench}: how fast the backend is, and how much of that the whole pipeline keeps. */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Measure raw inference, pipeline frames/s, latency percentiles, stage shares, memory.",
        description = {
            "Renders synthetic frames, measures the backend alone on the batches they give,",
            "then replays them through the whole pipeline (pre-processing, inference,",
            "decoding, record, MQTT publish to an embedded broker at QoS 0) as fast as it",
            "goes. Prints figures only. With the TensorRT backend, every precision is",
            "measured in turn: the engine's build time (or its load from the engine cache),",
            "inference latency and pipeline frames/s."})
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--model", paramLabel = "BUNDLE", description = "Model bundle (default: models/digits.vbundle).")
    Path model;

    @Option(names = "--backend", defaultValue = "auto", description = "auto, tensorrt or onnxruntime (default: ${DEFAULT-VALUE}).")
    String backend;

    @Option(names = "--precision", defaultValue = "fp32,fp16,int8", paramLabel = "LIST",
            description = "TensorRT precisions to measure (default: ${DEFAULT-VALUE}).")
    String precisions;

    @Option(names = "--cache-dir", paramLabel = "DIR",
            description = "Engine cache (default: the service's; an empty folder measures fresh builds).")
    Path cacheDir;

    @Option(names = "--seconds", defaultValue = "15", paramLabel = "S", description = "Per measurement (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--raw-seconds", paramLabel = "S", description = "Backend-only measurement (default: --seconds).")
    Double rawSeconds;

    @Option(names = "--size", defaultValue = "640x480", paramLabel = "WxH", description = "Frame size (default: ${DEFAULT-VALUE}).")
    String size;

    @Option(names = "--threads", defaultValue = "0", paramLabel = "N", description = "ONNX Runtime CPU threads, 0 for its default (one per physical core).")
    int threads;

    @Option(names = "--workers", paramLabel = "N", description = "Frames in flight in the pipeline, each on its own"
            + " thread and ONNX Runtime session (default: model.workers' default, "
            + ApplianceConfig.ModelSection.DEFAULT_WORKERS + "); above 1, the raw rate of as many sessions side by"
            + " side is measured too.")
    Integer workers;

    @Option(names = "--fps", defaultValue = "0", paramLabel = "F", description = "Replay the frames at F frames/s,"
            + " dropping those the pipeline is too late for, as a camera does; 0 (the default): as fast as taken.")
    double fps;

    @Option(names = "--preprocess", defaultValue = "auto", paramLabel = "WHICH",
            description = "Pixel work: auto (OpenCV where it loads), opencv or java (default: ${DEFAULT-VALUE}).")
    String preprocess;

    @Option(names = "--compare", paramLabel = "PEER",
            description = "Also measure a peer side by side in this process on the same frames: opencv-dnn"
                    + " (OpenCV's DNN module on the bundle's ONNX graph, same pre-processing and decoding).")
    String compare;

    @Override
    public Integer call() throws Exception {
        String[] wh = size.toLowerCase(Locale.ROOT).split("x");
        if (wh.length != 2 || !wh[0].matches("\\d{2,5}") || !wh[1].matches("\\d{2,5}")) {
            throw new IllegalArgumentException("--size must be WIDTHxHEIGHT such as 640x480, got '" + size + "'");
        }
        List<String> wanted = List.of(precisions.split(","));
        for (String p : wanted) {
            try {
                PrecisionChoice.parse(p.trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--precision: " + e.getMessage());
            }
        }
        if (workers != null && (workers < 1 || workers > ApplianceConfig.ModelSection.MAX_WORKERS)) {
            throw new IllegalArgumentException("--workers must be 1 to " + ApplianceConfig.ModelSection.MAX_WORKERS
                    + ", got " + workers);
        }
        if (!(fps >= 0)) {
            throw new IllegalArgumentException("--fps must be 0 (as fast as taken) or more, got " + fps);
        }
        PreprocessingSelector.Selection pixels = PreprocessingSelector.choose(preprocess);
        Path home = ApplianceHome.path();
        ModelBundle bundle = ModelBundle.open(model != null ? model : home.resolve("models/digits.vbundle"));
        BackendSelection selection = BackendSelector.forThisMachine().select(BackendChoice.parse(backend));
        System.out.printf("model:           %s %s, backend %s (%s), %s frames, %d CPUs, threads %s, workers %d%n",
                bundle.manifest().name(), bundle.manifest().version(), selection.backend().name().toLowerCase(Locale.ROOT),
                selection.reason(), size, Runtime.getRuntime().availableProcessors(),
                threads == 0 ? "0 (ONNX Runtime's default)" : Integer.toString(threads),
                workers == null ? ApplianceConfig.ModelSection.DEFAULT_WORKERS : workers);
        System.out.printf("pre-processing:  %s (%s)%n", pixels.preprocessing().name(), pixels.reason());
        if (compare != null && !"opencv-dnn".equals(compare)) {
            throw new IllegalArgumentException("--compare knows opencv-dnn only, got '" + compare + "'");
        }
        List<Frame> frames = PipelineBenchmark.frames(Integer.parseInt(wh[0]), Integer.parseInt(wh[1]), 60);
        PeerComparison peers = new PeerComparison(System.out);
        peers.preprocessing(bundle, frames, 300);
        Path spool = Files.createTempDirectory("edgevision-bench-spool");
        double raw = rawSeconds == null ? seconds : rawSeconds;
        try (EmbeddedBroker broker = EmbeddedBroker.start(0);
             MqttPublisher publisher = MqttPublisher.start(MqttSettings.builder(broker.uri(), "bench", spool).build(),
                     new DeviceStatus("bench", SoftwareVersion.get(), DetectorFactory.identity(bundle),
                             selection.backend().name().toLowerCase(Locale.ROOT), List.of("cam0")))) {
            if (selection.backend() == BackendChoice.ONNXRUNTIME) {
                ReplaySource replay = new ReplaySource(frames, fps);
                StageTotals totals = new StageTotals();
                try (Appliance appliance = assemble(config(bundle, null), home, selection, replay, totals, publisher)) {
                    new PipelineBenchmark(System.out).run(appliance, replay, totals, frames, raw, seconds);
                }
            } else {
                PrecisionBench bench = new PrecisionBench(selection, home, System.out, fps);
                for (String precision : wanted) {
                    bench.measure(config(bundle, section(precision)), frames, raw, seconds, publisher);
                }
                bench.printSummary();
            }
            System.out.printf("mqtt:            %s%n", publisher.stats());
        }
        if (compare != null) {
            peers.opencvDnn(bundle, frames, seconds, threads);
        }
        return 0;
    }

    /** The benchmark's service: no broker of its own, no camera but the replay; the bundle's own threshold. */
    private ApplianceConfig config(ModelBundle bundle, ApplianceConfig.TensorrtSection tensorrt) {
        return new ApplianceConfig(new ApplianceConfig.DeviceSection("bench"),
                new ApplianceConfig.ModelSection(bundle.path().toAbsolutePath().toString(), backend, null, threads,
                        workers), List.of(), null,
                tensorrt);
    }

    /**
     * Starts the service that the benchmark measures: {@code replay} is its camera, {@code totals}
     * hears its records, and each record goes to {@code publisher} (shared by every measurement, so
     * not closed here).
     */
    static Appliance assemble(ApplianceConfig config, Path home, BackendSelection selection, ReplaySource replay,
            StageTotals totals, MqttPublisher publisher) throws Exception {
        return Appliance.builder(config, home).backend(selection).softwareVersion(SoftwareVersion.get())
                .statsSeconds(3600).camera("cam0", replay).listener(totals)
                .listener(new ApplianceListener() {
                    @Override
                    public void onRecord(String camera, DetectionRecord record) {
                        publisher.publish(camera, record);
                    }
                }).start();
    }

    private ApplianceConfig.TensorrtSection section(String precision) {
        return new ApplianceConfig.TensorrtSection(precision.trim(), null, null,
                cacheDir == null ? null : cacheDir.toAbsolutePath().toString(), null, null, null);
    }
}
