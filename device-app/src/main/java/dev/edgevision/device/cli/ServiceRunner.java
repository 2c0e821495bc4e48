package dev.edgevision.device.cli;

import dev.edgevision.device.config.ApplianceConfig;
import dev.edgevision.device.http.HttpService;
import dev.edgevision.device.mqtt.MqttCommands;
import dev.edgevision.device.mqtt.MqttListener;
import dev.edgevision.device.mqtt.MqttPublisher;
import dev.edgevision.device.mqtt.MqttSettings;
import dev.edgevision.device.pins.Pins;
import dev.edgevision.device.service.Appliance;
import dev.edgevision.device.service.ServiceCommands;
import dev.edgevision.device.service.StdoutListener;
import dev.edgevision.device.status.DeviceStatus;
import dev.edgevision.device.status.UpdateHealth;
import dev.edgevision.device.systemd.SystemdService;
import dev.edgevision.device.events.TrackerSettings;
import dev.edgevision.device.mqtt.MqttEvents;
import dev.edgevision.device.mqtt.MqttJobs;
import dev.edgevision.device.update.ApplianceTarget;
import dev.edgevision.device.update.TrustedBundleCheck;
import dev.edgevision.device.update.UpdateEngine;
import dev.edgevision.device.update.UpdateSettings;
import dev.edgevision.device.homeassistant.HomeAssistantDiscovery;
import dev.edgevision.device.service.SnapshotCommand;
import dev.edgevision.device.snapshot.BestSnapshots;
import dev.edgevision.device.update.hawkbit.HawkbitAgent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the service for {@code run} and {@code demo}: the appliance with its MQTT listener and
 * commands (or standard output without a broker), and the HTTP server when {@code http:} enables it.
 */
final class ServiceRunner implements AutoCloseable {
    static final long STATS_SECONDS = 10;
    private static final Logger LOG = LoggerFactory.getLogger(ServiceRunner.class);

    private final Appliance appliance;
    private final MqttPublisher mqtt;
    private final MqttCommands commands;
    private final UpdateEngine updates;
    private final MqttJobs jobs;
    private boolean closed;
    private Pins pins;
    private HomeAssistantDiscovery homeAssistant;
    private final HttpService http;
    private SystemdService systemd;
    private HawkbitAgent hawkbit;

    private ServiceRunner(Appliance appliance, MqttPublisher mqtt, MqttCommands commands, UpdateEngine updates,
            MqttJobs jobs, HttpService http) {
        this.http = http;
        this.appliance = appliance;
        this.mqtt = mqtt;
        this.commands = commands;
        this.updates = updates;
        this.jobs = jobs;
    }

    static ServiceRunner start(ApplianceConfig config, Path home) throws Exception {
        return start(config, home, null);
    }

    /** As {@link #start(ApplianceConfig, Path)}; {@code reload} reads {@code configFile} again (null: none). */
    static ServiceRunner start(ApplianceConfig config, Path home, ServiceCommands.ConfigSource configFile)
            throws Exception {
        long statsSeconds = config.mqtt() == null || config.mqtt().statsSeconds() == null ? STATS_SECONDS
                : config.mqtt().statsSeconds();
        TrustedBundleCheck trusted = UpdateTrust.trusted(config, home, updateDir(config, home));
        UpdateEngine updates = updatesWanted(config) ? UpdateEngine.open(updateDir(config, home),
                UpdateTrust.check(config, trusted), updateSettings(config)) : null;
        ApplianceConfig served = updates == null ? config : servingFromStore(config, home, updates);
        if (trusted != null) {
            served = withBundle(served, UpdateTrust.servingBundle(trusted, List.of(
                    home.resolve(served.model().bundle()), home.resolve(config.model().bundle()))));
        }
        Appliance.Builder builder = Appliance.builder(served, home).softwareVersion(SoftwareVersion.get())
                .statsSeconds(statsSeconds);
        HttpService http = config.http() != null && config.http().on() ? HttpService.start(config.http(), home) : null;
        if (http != null) {
            builder.listener(http);
        }
        MqttPublisher mqtt = null;
        BestSnapshots snapshots = null;
        if (config.mqtt() == null) {
            builder.listener(new StdoutListener(System.out));
        } else {
            try {
                mqtt = MqttPublisher.start(settings(config, home), new DeviceStatus("starting", SoftwareVersion.get(),
                        null, null, config.cameras().stream().map(ApplianceConfig.CameraSection::name).toList()));
            } catch (java.io.IOException | RuntimeException e) {
                if (http != null) {
                    http.close();
                }
                throw e;
            }
            snapshots = BestSnapshots.withDefaults(MqttEvents.snapshotSink(mqtt));
            builder.listener(new MqttListener(mqtt)).listener(new MqttEvents(mqtt, TrackerSettings.defaults(),
                    snapshots));
            if (http != null) {
                http.mqtt(mqtt::stats);
            }
        }
        Pins pins = config.pins() == null ? null : PinsWiring.open(config.pins(), mqtt);
        if (pins != null) {
            builder.listener(pins);
        }
        SystemdService systemd = SystemdService.fromEnvironment(System.getenv());
        if (systemd != null) {
            builder.listener(systemd); // after MQTT's: a record reaches it once handed to the publisher
        }
        Appliance appliance = builder.start();
        if (http != null) {
            http.attach(appliance);
        }
        MqttPublisher publisher = mqtt;
        new ServiceCommands(appliance, config, publisher == null ? null : publisher::detectionsQos, configFile,
                appliance::close).register();
        PinsWiring.register(pins, appliance.commands());
        if (snapshots != null) {
            new SnapshotCommand(appliance, snapshots, Duration.ofSeconds(3)).register();
        }
        MqttCommands commands = mqtt == null ? null : MqttCommands.start(mqtt, appliance.commands());
        MqttJobs jobs = null;
        HawkbitAgent hawkbit = null;
        if (updates != null) {
            hawkbit = HawkbitStart.create(config, home, updates, appliance);
            updates.addListener(job -> appliance.reportUpdate(new UpdateHealth(job.jobId(), job.state().wireName(),
                    job.step() == null ? null : job.step().wireName(), job.errorCode(), job.message(),
                    job.model() == null ? null : job.model().version())));
            updates.start(new ApplianceTarget(appliance, Duration.ofMinutes(45), Duration.ofMillis(
                    config.update() == null || config.update().latencyBudgetMs() == null ? 250
                            : config.update().latencyBudgetMs())));
            if (mqtt != null) {
                jobs = MqttJobs.create(mqtt, updates);
                updates.fetcher("mqtt-chunks", jobs.chunks());
                jobs.start();
            }
            if (hawkbit != null) {
                hawkbit.start();
            }
        }
        ServiceRunner runner = new ServiceRunner(appliance, mqtt, commands, updates, jobs, http);
        runner.pins = pins;
        if (mqtt != null && ApplianceConfig.HomeAssistantSection.on(config.homeassistant())) {
            runner.homeAssistant = HomeAssistantDiscovery.forAppliance(mqtt, appliance, config.homeassistant(),
                    config.device().id(), SoftwareVersion.get(), statsSeconds,
                    spoolDir(config.mqtt(), home).resolve("homeassistant-components.json"));
        }
        if (systemd != null) {
            runner.systemd = systemd;
            systemd.attach(appliance);
        }
        runner.hawkbit = hawkbit;
        return runner;
    }

    /** Updates are taken when the configuration says so, and by default whenever there is a broker or a hawkBit server. */
    static boolean updatesWanted(ApplianceConfig config) {
        Boolean enabled = config.update() == null ? null : config.update().enabled();
        return enabled != null ? enabled : config.mqtt() != null || config.update() != null
                && config.update().hawkbit() != null;
    }

    static UpdateSettings updateSettings(ApplianceConfig config) {
        UpdateSettings settings = UpdateSettings.defaults();
        if (config.update() != null && config.update().probationS() != null) {
            settings = settings.withProbation(Duration.ofSeconds(config.update().probationS()));
        }
        return settings;
    }

    /** The configured update folder, else systemd's state directory, else the user's state folder. */
    static Path updateDir(ApplianceConfig config, Path home) {
        if (config.update() != null && config.update().stateDir() != null) {
            return home.resolve(config.update().stateDir());
        }
        String state = System.getenv("STATE_DIRECTORY");
        if (state != null && !state.isBlank()) {
            return Path.of(state.split(":")[0], "updates");
        }
        return Path.of(System.getProperty("user.home"), ".local", "state", "edgevision", "updates");
    }

    /** The configuration with the bundle an update installed, when the model store has one. */
    private static ApplianceConfig servingFromStore(ApplianceConfig config, Path home, UpdateEngine updates) {
        Path configured = home.resolve(config.model().bundle());
        Path serve = updates.bundleToServe(configured);
        if (serve.equals(configured)) {
            return config;
        }
        LOG.info("model: serving {} from the model store (installed by an update) instead of {}", serve, configured);
        return withBundle(config, serve);
    }

    /** The configuration with {@code bundle} as the model bundle. */
    private static ApplianceConfig withBundle(ApplianceConfig config, Path bundle) {
        Path serve = bundle;
        ApplianceConfig.ModelSection m = config.model();
        if (m.bundle().equals(serve.toString())) {
            return config;
        }
        return new ApplianceConfig(config.device(), new ApplianceConfig.ModelSection(serve.toString(), m.backend(),
                m.threshold(), m.threads(), m.workers()), config.cameras(), config.mqtt(), config.tensorrt(), config.update(),
                config.pins(), config.homeassistant(), config.http());
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
        if (m.tls() != null) {
            builder.tls(resolve(home, m.tls().ca()), resolve(home, m.tls().cert()), resolve(home, m.tls().key()))
                    .pins(m.tls().pinSha256());
        }
        MqttSettings settings = builder.build();
        List<String> problems = settings.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("mqtt: " + String.join("; ", problems));
        }
        return settings;
    }

    private static Path resolve(Path home, String file) {
        return file == null ? null : home.resolve(file);
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

    /** The pins, when the configuration has a pins: slice. */
    Pins pins() {
        return pins;
    }

    MqttPublisher mqtt() {
        return mqtt;
    }

    UpdateEngine updates() {
        return updates;
    }

    /** The HTTP server, or null when {@code http:} does not enable it. */
    HttpService http() {
        return http;
    }

    /** Stops jobs and commands, then the appliance; its MQTT listener sends the offline status as it closes. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (systemd != null) {
            systemd.stopping();
        }
        if (homeAssistant != null) {
            homeAssistant.close();
        }
        if (hawkbit != null) {
            hawkbit.close();
        }
        if (jobs != null) {
            jobs.close();
        }
        if (updates != null) {
            updates.close();
        }
        if (commands != null) {
            commands.close();
        }
        appliance.close();
    }
}
