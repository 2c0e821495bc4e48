package dev.edgevision.device.cli;

import dev.edgevision.device.config.ApplianceConfig;
import dev.edgevision.device.config.ConfigLoader;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code appliance run}: the headless service. */
@Command(name = "run", mixinStandardHelpOptions = true,
        header = "Run the service: cameras, detection, MQTT, until stopped.",
        description = {
            "Loads the configuration (YAML; EDGEVISION_MQTT_PASSWORD and friends override",
            "it), prints it with secrets masked, selects the backend, opens the cameras and",
            "publishes detections and status until SIGTERM or Ctrl-C."})
final class RunCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "Configuration file (YAML).")
    Path config;

    @Override
    public Integer call() throws Exception {
        ApplianceConfig loaded = ConfigLoader.load(config, System.getenv());
        LOG.info("configuration {}:\n{}", config, ConfigLoader.describe(loaded, System.getenv()));
        Path home = config.toAbsolutePath().getParent();
        try (ServiceRunner runner = ServiceRunner.start(loaded, home, () -> ConfigLoader.load(config, System.getenv()))) {
            Runtime.getRuntime().addShutdownHook(new Thread(runner::close, "shutdown"));
            StopSignals.onStop(runner::close);
            runner.appliance().awaitEnd();
        }
        return 0;
    }
}
