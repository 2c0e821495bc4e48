package dev.edgevision.device.cli;

import dev.edgevision.device.config.ApplianceConfig;
import dev.edgevision.device.mqtt.MqttCommands;
import dev.edgevision.device.mqtt.MqttListener;
import dev.edgevision.device.mqtt.MqttPublisher;
import dev.edgevision.device.mqtt.MqttSettings;
import dev.edgevision.device.service.Appliance;
import dev.edgevision.device.service.StdoutListener;
import dev.edgevision.device.status.DeviceStatus;
import java.nio.file.Path;
import java.util.List;

/**
 * Starts the service for {@code run} and {@code demo}: the appliance with its MQTT listener and
 * commands (or standard output without a broker).
 */
final class ServiceRunner implements AutoCloseable {
    static final long STATS_SECONDS = 10;

    private final Appliance appliance;
    private final MqttPublisher mqtt;
    private final MqttCommands commands;

    private ServiceRunner(Appliance appliance, MqttPublisher mqtt, MqttCommands commands) {
        this.appliance = appliance;
        this.mqtt = mqtt;
        this.commands = commands;
    }

    static ServiceRunner start(ApplianceConfig config, Path home) throws Exception {
        long statsSeconds = config.mqtt() == null || config.mqtt().statsSeconds() == null ? STATS_SECONDS
                : config.mqtt().statsSeconds();
        Appliance.Builder builder = Appliance.builder(config, home).softwareVersion(SoftwareVersion.get())
                .statsSeconds(statsSeconds);
        MqttPublisher mqtt = null;
        if (config.mqtt() == null) {
            builder.listener(new StdoutListener(System.out));
        } else {
            mqtt = MqttPublisher.start(settings(config, home), new DeviceStatus("starting", SoftwareVersion.get(), null,
                    null, config.cameras().stream().map(ApplianceConfig.CameraSection::name).toList()));
            builder.listener(new MqttListener(mqtt));
        }
        Appliance appliance = builder.start();
        MqttCommands commands = mqtt == null ? null : MqttCommands.start(mqtt, appliance.commands());
        return new ServiceRunner(appliance, mqtt, commands);
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

    Appliance appliance() {
        return appliance;
    }

    MqttPublisher mqtt() {
        return mqtt;
    }

    /** Stops commands, then the appliance; its MQTT listener sends the offline status as it closes. */
    @Override
    public void close() {
        if (commands != null) {
            commands.close();
        }
        appliance.close();
    }
}
