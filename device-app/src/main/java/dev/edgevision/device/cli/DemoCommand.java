package dev.edgevision.device.cli;

import dev.edgevision.camera.synthetic.SyntheticSource;
import dev.edgevision.device.config.ApplianceConfig;
import dev.edgevision.device.mqtt.EmbeddedBroker;
import dev.edgevision.device.pipeline.CameraPipeline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code appliance demo}: the whole service on a laptop, offline: an embedded broker, the bundled
 * model, the synthetic camera (handwritten digits on paper), and a subscriber printing what arrives.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        header = "See it work: synthetic camera -> bundled model -> MQTT -> printed here.",
        description = {
            "Starts an embedded MQTT broker (unless --broker names one), the service with",
            "the committed digit detector and the synthetic camera (MNIST digits drawn dark",
            "on paper), and a subscriber that prints each detection record as it arrives on",
            "vision/demo/cam0/detections. Needs no network and no configuration."})
final class DemoCommand implements Callable<Integer> {
    /**
     * The model the demo runs unless --model names another: the committed digit detector (a
     * {@code task: detection} bundle; DetectorFactory serves classifiers too, e.g.
     * {@code --model models/digits.vbundle}).
     */
    static final String DEFAULT_MODEL = "models/digit-detector.vbundle";

    @Option(names = "--seconds", defaultValue = "30", paramLabel = "S",
            description = "How long to run; 0 runs until Ctrl-C (default: ${DEFAULT-VALUE}).")
    long seconds;

    @Option(names = "--broker", paramLabel = "URI", description = "Use this broker instead of an embedded one.")
    String broker;

    @Option(names = "--model", paramLabel = "BUNDLE", description = "Model bundle (default: " + DEFAULT_MODEL + ").")
    Path model;

    @Option(names = "--camera", defaultValue = "synthetic://digits?fps=5", paramLabel = "URI",
            description = "Frame source (default: ${DEFAULT-VALUE}).")
    String camera;

    @Option(names = "--http", paramLabel = "PORT", description = "Also serve the preview, draw-a-digit page and"
            + " metrics on http://127.0.0.1:PORT/ (0: a free port).")
    Integer httpPort;

    @Override
    public Integer call() throws Exception {
        Path home = ApplianceHome.path().toAbsolutePath();
        Path bundlePath = model == null ? Path.of(DEFAULT_MODEL) : model;
        Path spool = Files.createTempDirectory("edgevision-demo-spool");
        try (EmbeddedBroker embedded = broker == null ? EmbeddedBroker.start(0) : null) {
            String uri = broker != null ? broker : embedded.uri();
            System.err.println("demo: broker " + uri + (embedded != null ? " (embedded)" : ""));
            System.err.println("demo: to watch an update land, run in a second terminal: ./trainer deploy --model "
                    + (bundlePath.toString().endsWith("digits.vbundle") ? DEFAULT_MODEL : "models/digits.vbundle")
                    + " --device demo --broker " + uri + (seconds == 0 ? "" : " (within " + seconds
                    + " s, or start the demo with --seconds 0)"));
            ApplianceConfig config = new ApplianceConfig(new ApplianceConfig.DeviceSection("demo"),
                    new ApplianceConfig.ModelSection(bundlePath.toString(), "auto", null, 0),
                    List.of(new ApplianceConfig.CameraSection("cam0", camera)),
                    new ApplianceConfig.MqttSection(uri, null, null, "vision", 0, spool.toString(), null), null,
                    new ApplianceConfig.UpdateSection(true, spool.resolveSibling(spool.getFileName() + "-updates")
                            .toString(), 10, null), null, null, http(home));
            try (DemoSubscriber subscriber = DemoSubscriber.start(uri, "vision", "demo", System.out);
                 ServiceRunner runner = ServiceRunner.start(config, home)) {
                if (runner.http() != null) {
                    System.err.println("demo: preview " + runner.http().uri() + "/preview/cam0, draw a digit "
                            + runner.http().uri() + "/draw, metrics " + runner.http().uri() + "/metrics");
                }
                if (runner.appliance().pipelines().get(0).source() instanceof SyntheticSource synthetic) {
                    subscriber.compareWith(new TruthScore(synthetic::truth));
                }
                waitFor(runner);
                summary(runner, subscriber);
            }
        }
        return 0;
    }

    /** The HTTP slice for --http: loopback only; the draw page reads with the digit classifier when it is there. */
    private ApplianceConfig.HttpSection http(Path home) {
        if (httpPort == null) {
            return null;
        }
        Path classifier = home.resolve("models/digits.vbundle");
        return new ApplianceConfig.HttpSection(true, httpPort, "127.0.0.1", null, null, null,
                Files.isRegularFile(classifier) ? classifier.toString() : null, null, null);
    }

    private void waitFor(ServiceRunner runner) throws InterruptedException {
        if (seconds == 0) {
            Runtime.getRuntime().addShutdownHook(new Thread(runner::close, "shutdown"));
            runner.appliance().awaitEnd();
        } else {
            Thread.sleep(seconds * 1000);
        }
    }

    private static void summary(ServiceRunner runner, DemoSubscriber subscriber) {
        for (CameraPipeline p : runner.appliance().pipelines()) {
            System.err.printf("demo: %s processed %d frames (%d dropped by the camera), glass-to-publish latency"
                    + " p50 %.1f ms p95 %.1f ms%n", p.camera(), p.processed(), p.source().status().dropped(),
                    p.latency().percentile(50), p.latency().percentile(95));
        }
        System.err.printf("demo: the subscriber received %d records with %d detections%n", subscriber.records(),
                subscriber.detections());
        if (subscriber.truth() != null) {
            System.err.println("demo: against the synthetic camera's ground truth: " + subscriber.truth().summary());
        }
    }
}
