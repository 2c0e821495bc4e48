package dev.edgevision.device.cli;

import dev.edgevision.device.config.ApplianceConfig;
import dev.edgevision.device.mqtt.DeviceStatus;
import dev.edgevision.device.mqtt.MqttPublisher;
import dev.edgevision.device.mqtt.MqttSettings;
import dev.edgevision.device.pipeline.DetectorFactory;
import dev.edgevision.device.service.ApplianceService;
import dev.edgevision.device.service.StatusReporter;
import dev.edgevision.device.service.StdoutPublisher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/** Starts the service for {@code run} and {@code demo}: publisher, pipelines, status reports. */
final class ServiceRunner implements AutoCloseable {
    static final long STATS_SECONDS = 10;

    private final ApplianceService service;
    private final MqttPublisher mqtt;
    private final StatusReporter reporter;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    private ServiceRunner(ApplianceService service, MqttPublisher mqtt, StatusReporter reporter) {
        this.service = service;
        this.mqtt = mqtt;
        this.reporter = reporter;
    }

    static ServiceRunner start(ApplianceConfig config, Path home) throws Exception {
        MqttPublisher[] mqtt = new MqttPublisher[1];
        ApplianceService service = ApplianceService.start(config, home, (bundle, selection) -> {
            if (config.mqtt() == null) {
                return new StdoutPublisher(System.out);
            }
            DeviceStatus starting = new DeviceStatus("starting", SoftwareVersion.get(),
                    DetectorFactory.identity(bundle), null,
                    config.cameras().stream().map(ApplianceConfig.CameraSection::name).toList());
            try {
                mqtt[0] = MqttPublisher.start(settings(config, home), starting);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return mqtt[0];
        });
        long statsSeconds = config.mqtt() == null || config.mqtt().statsSeconds() == null ? STATS_SECONDS
                : config.mqtt().statsSeconds();
        StatusReporter reporter = mqtt[0] == null ? null
                : new StatusReporter(mqtt[0], service, SoftwareVersion.get(), statsSeconds);
        return new ServiceRunner(service, mqtt[0], reporter);
    }

    static MqttSettings settings(ApplianceConfig config, Path home) {
        ApplianceConfig.MqttSection m = config.mqtt();
        MqttSettings.Builder builder = MqttSettings.builder(m.broker(), config.device().id(), spoolDir(m, home));
        if (m.username() != null) {
            builder.credentials(m.username(), m.password());
        }
        if (m.prefix() != null) {
            builder.topicPrefix(m.prefix());
        }
        if (m.detectionsQos() != null) {
            builder.detectionsQos(m.detectionsQos());
        }
        MqttSettings settings = builder.build();
        List<String> problems = settings.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("mqtt: " + String.join("; ", problems));
        }
        return settings;
    }

    /** The configured spool, else systemd's state directory, else the user's state folder. */
    static Path spoolDir(ApplianceConfig.MqttSection m, Path home) {
        if (m.spoolDir() != null) {
            return home.resolve(m.spoolDir());
        }
        String state = System.getenv("STATE_DIRECTORY");
        if (state != null && !state.isBlank()) {
            return Path.of(state.split(":")[0], "mqtt-spool");
        }
        return Path.of(System.getProperty("user.home"), ".local", "state", "edgevision", "mqtt-spool");
    }

    ApplianceService service() {
        return service;
    }

    MqttPublisher mqtt() {
        return mqtt;
    }

    /** Stops reports and pipelines; the publisher sends the offline status as it closes. */
    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        if (reporter != null) {
            reporter.close();
        }
        service.close();
    }
}
