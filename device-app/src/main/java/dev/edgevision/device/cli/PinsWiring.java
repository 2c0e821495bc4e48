package dev.edgevision.device.cli;

import dev.edgevision.core.detect.DetectionJson;
import dev.edgevision.core.detect.DetectionRecord;
import dev.edgevision.device.command.CommandRouter;
import dev.edgevision.device.config.PinsSection;
import dev.edgevision.device.mqtt.MqttPublisher;
import dev.edgevision.device.pins.GpioProviders;
import dev.edgevision.device.pins.PinException;
import dev.edgevision.device.pins.Pins;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the configured pins for the service: the provider chosen by {@link GpioProviders}, and the
 * trigger's records published on {@code vision/{device}/{camera}/trigger} (QoS 1), or logged without
 * a broker (standard output carries the camera's records then). With a trigger, the {@code trigger} command presses it remotely.
 */
final class PinsWiring {
    private static final Logger LOG = LoggerFactory.getLogger(PinsWiring.class);

    private PinsWiring() {
    }

    /** Opens the pins; when they cannot be had, {@code mqtt} (already started) is closed before the error. */
    static Pins open(PinsSection config, MqttPublisher mqtt) throws PinException {
        BiConsumer<String, DetectionRecord> sink = mqtt == null
                ? (camera, record) -> LOG.info("pins: trigger capture of {}: {}", camera, DetectionJson.write(record))
                : (camera, record) -> mqtt.publishReply(mqtt.topics().trigger(camera),
                        DetectionJson.write(record).getBytes(StandardCharsets.UTF_8));
        try {
            return Pins.open(config, GpioProviders.open(config), sink);
        } catch (PinException | RuntimeException e) {
            if (mqtt != null) {
                mqtt.close();
            }
            throw e;
        }
    }

    /**
     * Registers {@code trigger} when the pins have a trigger: it arms the same capture as a press and
     * answers at once; the record follows on the trigger topic.
     */
    static void register(Pins pins, CommandRouter commands) {
        if (pins == null || pins.trigger() == null) {
            return;
        }
        commands.register("trigger", request -> {
            pins.trigger().press(System.currentTimeMillis());
            return Map.of("armed", true, "camera", pins.trigger().camera());
        });
    }
}
