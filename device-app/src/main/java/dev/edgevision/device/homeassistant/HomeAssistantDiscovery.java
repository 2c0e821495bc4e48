package dev.edgevision.device.homeassistant;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.edgevision.device.config.ApplianceConfig;
import dev.edgevision.device.mqtt.MqttPublisher;
import dev.edgevision.device.service.Appliance;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the device in Home Assistant: publishes its discovery payload (retained) at start, again
 * whenever Home Assistant announces {@code online} on {@code <prefix>/status} (after a random delay
 * of up to a second, as its documentation recommends) and whenever what it describes changes (a
 * new model with other labels).
 *
 * <p>Components that were published before but are gone (a camera removed from the configuration,
 * a label no longer served) are removed the documented way: one payload with each reduced to
 * {@code {"p": platform}}, then one without them. What was published is remembered in a small file
 * (in the MQTT spool's folder) so the next start knows what to remove; the removal is repeated on
 * Home Assistant's next {@code online}, in case it was away.
 */
public final class HomeAssistantDiscovery implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HomeAssistantDiscovery.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MqttPublisher publisher;
    private final String prefix;
    private final String topic;
    private final Supplier<DiscoveryPayload.Inputs> inputs;
    private final Path stateFile;
    private final Map<String, String> removed = new LinkedHashMap<>();
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "homeassistant-discovery");
        t.setDaemon(true);
        return t;
    });
    private Map<String, String> published = Map.of();

    private HomeAssistantDiscovery(MqttPublisher publisher, String prefix, String deviceId,
            Supplier<DiscoveryPayload.Inputs> inputs, Path stateFile) {
        this.publisher = publisher;
        this.prefix = prefix;
        this.topic = DiscoveryPayload.topic(prefix, deviceId);
        this.inputs = inputs;
        this.stateFile = stateFile;
    }

    /**
     * Publishes the discovery payload now and keeps it up to date.
     *
     * @param prefix Home Assistant's discovery prefix ({@code homeassistant})
     * @param inputs what to describe, asked again at each publication (its {@code removed} is ignored)
     * @param stateFile where the published components are remembered between starts
     */
    public static HomeAssistantDiscovery start(MqttPublisher publisher, String prefix, String deviceId,
            Supplier<DiscoveryPayload.Inputs> inputs, Path stateFile) {
        HomeAssistantDiscovery discovery = new HomeAssistantDiscovery(publisher, prefix, deviceId, inputs, stateFile);
        discovery.removed.putAll(discovery.readState());
        publisher.subscribe(prefix + "/status", discovery::birth);
        discovery.worker.execute(() -> discovery.publish(true));
        LOG.info("Home Assistant: discovery on {}", discovery.topic);
        return discovery;
    }

    /**
     * Discovery for {@code appliance}: its cameras, and per camera the labels {@code section} lists
     * (else every label of the model served now); published again when a new model is swapped in.
     */
    public static HomeAssistantDiscovery forAppliance(MqttPublisher publisher, Appliance appliance,
            ApplianceConfig.HomeAssistantSection section, String device, String softwareVersion, long statsSeconds,
            Path stateFile) {
        String prefix = section.discoveryPrefix() == null ? "homeassistant" : section.discoveryPrefix();
        HomeAssistantDiscovery discovery = start(publisher, prefix, device, () -> {
            List<String> modelLabels = appliance.models().current().bundle().manifest().reportedLabels();
            Map<String, List<String>> labels = new LinkedHashMap<>();
            List<String> cameras = appliance.status().cameras();
            for (String camera : cameras) {
                List<String> chosen = section.labels() == null ? null : section.labels().get(camera);
                labels.put(camera, chosen != null ? chosen : modelLabels);
            }
            return new DiscoveryPayload.Inputs(device, softwareVersion, cameras, labels, statsSeconds, Map.of());
        }, stateFile);
        appliance.models().onSwap(m -> discovery.refresh());
        return discovery;
    }

    /** The discovery topic. */
    public String topic() {
        return topic;
    }

    /** Publishes again if what it describes has changed (labels, cameras). */
    public void refresh() {
        worker.execute(() -> publish(false));
    }

    private void birth(String statusTopic, byte[] payload) {
        if ("online".equals(new String(payload, StandardCharsets.UTF_8).trim())) {
            long delay = ThreadLocalRandom.current().nextLong(1000);
            worker.schedule(() -> publish(true), delay, TimeUnit.MILLISECONDS);
        }
    }

    private synchronized void publish(boolean always) {
        try {
            DiscoveryPayload.Inputs now = inputs.get();
            DiscoveryPayload current = DiscoveryPayload.build(publisher.topics(), without(now));
            Map<String, String> platforms = current.platforms();
            if (!always && platforms.equals(published)) {
                return;
            }
            published.forEach((id, platform) -> {
                if (!platforms.containsKey(id)) {
                    removed.put(id, platform);
                }
            });
            platforms.keySet().forEach(removed::remove);
            if (!removed.isEmpty()) {
                DiscoveryPayload removal = DiscoveryPayload.build(publisher.topics(), with(now, removed));
                publisher.publishRetained(topic, removal.bytes());
                LOG.info("Home Assistant: removed components {}", removed.keySet());
            }
            publisher.publishRetained(topic, current.bytes());
            published = platforms;
            writeState(platforms);
        } catch (RuntimeException e) {
            LOG.warn("Home Assistant: the discovery payload could not be published: {}", e.toString(), e);
        }
    }

    private static DiscoveryPayload.Inputs without(DiscoveryPayload.Inputs in) {
        return with(in, Map.of());
    }

    private static DiscoveryPayload.Inputs with(DiscoveryPayload.Inputs in, Map<String, String> removed) {
        return new DiscoveryPayload.Inputs(in.deviceId(), in.softwareVersion(), in.cameras(), in.labels(),
                in.statsSeconds(), Map.copyOf(removed));
    }

    private Map<String, String> readState() {
        if (stateFile == null || !Files.isRegularFile(stateFile)) {
            return Map.of();
        }
        try {
            Map<String, String> before = JSON.readValue(stateFile.toFile(), new TypeReference<Map<String, String>>() {
            });
            return before == null ? Map.of() : before;
        } catch (IOException e) {
            LOG.warn("Home Assistant: {} could not be read ({}); components removed since the last start stay in"
                    + " Home Assistant until deleted there", stateFile, e.getMessage());
            return Map.of();
        }
    }

    private void writeState(Map<String, String> platforms) {
        if (stateFile == null) {
            return;
        }
        try {
            Files.createDirectories(Objects.requireNonNull(stateFile.toAbsolutePath().getParent()));
            Path tmp = stateFile.resolveSibling(stateFile.getFileName() + ".tmp");
            JSON.writeValue(tmp.toFile(), platforms);
            Files.move(tmp, stateFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("Home Assistant: {} could not be written: {}", stateFile, e.getMessage());
        }
    }

    /** Stops listening for Home Assistant; the retained payload stays on the broker. */
    @Override
    public void close() {
        worker.shutdownNow();
    }
}
