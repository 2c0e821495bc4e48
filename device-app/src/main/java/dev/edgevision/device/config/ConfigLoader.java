package dev.edgevision.device.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.edgevision.core.io.Redaction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Loads the configuration: the YAML file, then environment overrides ({@code EDGEVISION_MQTT_PASSWORD},
 * {@code EDGEVISION_MQTT_USERNAME}, {@code EDGEVISION_MQTT_BROKER}, {@code EDGEVISION_DEVICE_ID}), then
 * validation. Unknown keys are errors, so a typo does not silently fall back to a default.
 */
public final class ConfigLoader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private static final List<String> OVERRIDES = List.of("EDGEVISION_DEVICE_ID", "EDGEVISION_MQTT_BROKER",
            "EDGEVISION_MQTT_USERNAME", "EDGEVISION_MQTT_PASSWORD");

    private ConfigLoader() {
    }

    /** Loads, overrides from {@code environment}, and validates {@code file}. */
    public static ApplianceConfig load(Path file, Map<String, String> environment) throws ConfigException {
        ApplianceConfig parsed;
        try {
            byte[] bytes = Files.readAllBytes(file);
            String binary = ConfigText.binaryProblem(bytes);
            if (binary != null) {
                throw new ConfigException(file, List.of(binary));
            }
            parsed = YAML.readValue(bytes, ApplianceConfig.class);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file, List.of("no such file"));
        } catch (UnrecognizedPropertyException e) {
            throw new ConfigException(file, List.of("unknown key '" + path(e) + "' (near line "
                    + e.getLocation().getLineNr() + "); known keys here: " + e.getKnownPropertyIds()));
        } catch (JsonMappingException e) {
            throw new ConfigException(file, List.of("'" + path(e) + "' has a value of the wrong type (line "
                    + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + "): "
                    + ConfigText.printable(e.getOriginalMessage())));
        } catch (IOException e) {
            throw new ConfigException(file, List.of("not readable YAML: " + ConfigText.printable(e.getMessage())));
        }
        if (parsed == null) {
            throw new ConfigException(file, List.of("the file is empty"));
        }
        ApplianceConfig config = BrokerCredentials.moveOutOfUri(override(parsed, environment));
        BrokerCredentials.registerSecrets(config);
        List<String> problems = config.problems();
        if (!problems.isEmpty()) {
            throw new ConfigException(file, problems);
        }
        return config;
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    static ApplianceConfig override(ApplianceConfig c, Map<String, String> env) {
        ApplianceConfig.DeviceSection device = env.containsKey("EDGEVISION_DEVICE_ID")
                ? new ApplianceConfig.DeviceSection(env.get("EDGEVISION_DEVICE_ID")) : c.device();
        ApplianceConfig.MqttSection m = c.mqtt();
        if (env.containsKey("EDGEVISION_MQTT_BROKER") && m == null) {
            m = new ApplianceConfig.MqttSection(null, null, null, null, null, null, null);
        }
        if (m != null) {
            m = m.withBroker(env.getOrDefault("EDGEVISION_MQTT_BROKER", m.broker()),
                    env.getOrDefault("EDGEVISION_MQTT_USERNAME", m.username()),
                    env.getOrDefault("EDGEVISION_MQTT_PASSWORD", m.password()));
        }
        return new ApplianceConfig(device, c.model(), c.cameras(), m, c.tensorrt(), c.update(), c.pins(),
                c.homeassistant(), c.http());
    }

    /**
     * As {@link #describe(ApplianceConfig)}, followed by a line naming the variables of
     * {@code environment} that overrode the file (their values are in the YAML above, masked).
     */
    public static String describe(ApplianceConfig config, Map<String, String> environment) {
        List<String> used = OVERRIDES.stream().filter(environment::containsKey).toList();
        return describe(config) + (used.isEmpty() ? "" : "# from the environment: " + String.join(", ", used) + "\n");
    }

    /**
     * The configuration as YAML for the start-up log, with every password masked and every URI
     * (cameras, broker) passed through {@link Redaction}: hosts, ports and paths stay.
     */
    public static String describe(ApplianceConfig config) {
        ApplianceConfig.MqttSection m = config.mqtt();
        ApplianceConfig masked = m == null || m.password() == null ? config
                : new ApplianceConfig(config.device(), config.model(), config.cameras(),
                        m.withBroker(m.broker(), m.username(), "****"), config.tensorrt(), config.update(),
                        config.pins(), config.homeassistant(), config.http());
        try {
            return Redaction.text(YAML.writeValueAsString(masked));
        } catch (IOException e) {
            return Redaction.text(masked.toString());
        }
    }
}
