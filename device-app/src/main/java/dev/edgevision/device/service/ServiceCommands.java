package dev.edgevision.device.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.edgevision.core.detect.DetectorException;
import dev.edgevision.core.model.BundleException;
import dev.edgevision.device.command.CommandException;
import dev.edgevision.device.command.CommandRequest;
import dev.edgevision.device.config.ApplianceConfig;
import dev.edgevision.device.pipeline.CameraPipeline;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's commands besides {@code status}: {@code set} (threshold, a camera on or off, the
 * detections' QoS), {@code reload} (the configuration file, checked first; what can change while
 * running is applied, the rest named as needing a restart) and {@code restart} (a clean stop,
 * after which systemd starts the service again).
 */
public final class ServiceCommands {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceCommands.class);

    /** Reads the configuration file again, or throws saying what is wrong with it. */
    @FunctionalInterface
    public interface ConfigSource {
        ApplianceConfig load() throws Exception;
    }

    private final Appliance appliance;
    private final IntConsumer detectionsQos;
    private final ConfigSource config;
    private final Runnable restart;
    private volatile ApplianceConfig running;

    /**
     * @param detectionsQos changes the detections' QoS, or null when there is no broker
     * @param config the configuration file, or null when the service has none (the demo)
     * @param restart stops the service cleanly (off the command thread)
     */
    public ServiceCommands(Appliance appliance, ApplianceConfig running, IntConsumer detectionsQos, ConfigSource config,
            Runnable restart) {
        this.appliance = appliance;
        this.running = running;
        this.detectionsQos = detectionsQos;
        this.config = config;
        this.restart = restart;
    }

    /** Registers {@code set}, {@code reload} and {@code restart} with the appliance's router. */
    public void register() {
        appliance.commands().register("set", this::set);
        appliance.commands().register("reload", request -> reload());
        appliance.commands().register("restart", request -> {
            LOG.info("restart requested: stopping cleanly (systemd starts the service again)");
            Thread stop = new Thread(() -> {
                sleep(500);
                restart.run();
            }, "restart");
            stop.setDaemon(false);
            stop.start();
            return Map.of("restarting", true);
        });
    }

    private Object set(CommandRequest request) throws CommandException {
        ObjectNode body = request.body();
        Map<String, Object> applied = new LinkedHashMap<>();
        if (body.has("threshold")) {
            JsonNode t = body.get("threshold");
            if (!(t.isNull() || t.isNumber() && t.asDouble() >= 0 && t.asDouble() <= 1)) {
                throw new CommandException("bad_request", "threshold must be a number in [0, 1], or null for the"
                        + " bundle's own");
            }
            threshold(t.isNull() ? null : t.asDouble());
            applied.put("threshold", appliance.models().current().threshold());
        }
        if (body.has("camera")) {
            CameraPipeline pipeline = appliance.pipeline(body.get("camera").asText()).orElseThrow(() ->
                    new CommandException("not_found", "no camera '" + body.get("camera").asText() + "'; this device"
                            + " has " + appliance.pipelines().stream().map(CameraPipeline::camera).toList()));
            if (!body.path("enabled").isBoolean()) {
                throw new CommandException("bad_request", "with camera, give enabled: true or false");
            }
            pipeline.enabled(body.get("enabled").asBoolean());
            appliance.statusChanged();
            applied.put("camera", Map.of("name", pipeline.camera(), "enabled", pipeline.enabled()));
        }
        if (body.has("detections_qos")) {
            JsonNode q = body.get("detections_qos");
            if (detectionsQos == null || !q.isInt() || q.asInt() < 0 || q.asInt() > 2) {
                throw new CommandException("bad_request", detectionsQos == null ? "this device has no broker"
                        : "detections_qos must be 0, 1 or 2");
            }
            detectionsQos.accept(q.asInt());
            applied.put("detections_qos", q.asInt());
        }
        if (applied.isEmpty()) {
            throw new CommandException("bad_request", "set takes threshold, camera with enabled, or detections_qos");
        }
        return applied;
    }

    private void threshold(Double value) throws CommandException {
        try {
            appliance.threshold(value);
        } catch (BundleException | DetectorException e) {
            throw new CommandException("failed", "the threshold could not be changed: " + e.getMessage());
        }
    }

    private Object reload() throws CommandException {
        if (config == null) {
            throw new CommandException("unsupported", "this service was started without a configuration file");
        }
        ApplianceConfig next;
        try {
            next = config.load();
        } catch (Exception e) {
            throw new CommandException("bad_config", "the configuration was not reloaded, the running one stays: "
                    + e.getMessage());
        }
        List<String> applied = new ArrayList<>();
        List<String> restartNeeded = new ArrayList<>();
        ApplianceConfig now = running;
        if (!Objects.equals(next.model().threshold(), now.model().threshold())) {
            threshold(next.model().threshold());
            applied.add("model.threshold");
        }
        if (!Objects.equals(next.model().bundle(), now.model().bundle()) || !Objects.equals(next.model().backend(),
                now.model().backend()) || !Objects.equals(next.model().threads(), now.model().threads())) {
            restartNeeded.add("model");
        }
        if (!Objects.equals(next.device(), now.device())) {
            restartNeeded.add("device");
        }
        if (!Objects.equals(next.cameras(), now.cameras())) {
            restartNeeded.add("cameras");
        }
        if (!Objects.equals(next.mqtt(), now.mqtt())) {
            restartNeeded.add("mqtt");
        }
        if (!Objects.equals(next.homeassistant(), now.homeassistant())) {
            restartNeeded.add("homeassistant");
        }
        if (!Objects.equals(next.tensorrt(), now.tensorrt()) || !Objects.equals(next.update(), now.update())) {
            restartNeeded.add(!Objects.equals(next.tensorrt(), now.tensorrt()) ? "tensorrt" : "update");
        }
        if (!Objects.equals(next.pins(), now.pins())) {
            restartNeeded.add("pins");
        }
        if (!Objects.equals(next.http(), now.http())) {
            restartNeeded.add("http");
        }
        running = next;
        return Map.of("applied", applied, "restart_needed", restartNeeded);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
