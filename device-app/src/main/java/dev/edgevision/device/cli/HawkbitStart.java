package dev.edgevision.device.cli;

import dev.edgevision.core.detect.ModelIdentity;
import dev.edgevision.device.config.ApplianceConfig;
import dev.edgevision.device.service.Appliance;
import dev.edgevision.device.update.UpdateService;
import dev.edgevision.device.update.hawkbit.HawkbitAgent;
import dev.edgevision.device.update.hawkbit.HawkbitSettings;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the hawkBit agent from the {@code update.hawkbit:} slice, with the device's attributes. */
final class HawkbitStart {
    private HawkbitStart() {
    }

    /** The agent, listening to {@code updates} but not yet polling; null when no hawkBit server is configured. */
    static HawkbitAgent create(ApplianceConfig config, Path home, UpdateService updates, Appliance appliance) {
        if (config.update() == null || config.update().hawkbit() == null) {
            return null;
        }
        return HawkbitAgent.create(settings(config, home), updates, () -> attributes(config, appliance));
    }

    static HawkbitSettings settings(ApplianceConfig config, Path home) {
        ApplianceConfig.HawkbitSection h = config.update().hawkbit();
        String token = h.targetToken();
        if (h.tokenFile() != null) {
            Path file = home.resolve(h.tokenFile());
            try {
                token = Files.readString(file).strip();
            } catch (IOException e) {
                throw new IllegalArgumentException("update.hawkbit.token_file " + file + " could not be read ("
                        + e.getMessage() + "): write the target's security token into it, readable by the service only");
            }
            if (token.isEmpty()) {
                throw new IllegalArgumentException("update.hawkbit.token_file " + file + " is empty: write the target's"
                        + " security token into it");
            }
        }
        return new HawkbitSettings(URI.create(h.url()), h.tenant() == null ? "DEFAULT" : h.tenant(),
                h.controllerId() == null ? config.device().id() : h.controllerId(), token, h.gatewayToken(),
                Duration.ofSeconds(h.pollS() == null ? 60 : h.pollS()));
    }

    /** What the server shows of the device: its id, software, model serving and backend. */
    static Map<String, String> attributes(ApplianceConfig config, Appliance appliance) {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("device_id", config.device().id());
        a.put("app_version", SoftwareVersion.get());
        ModelIdentity model = appliance.models().current().identity();
        a.put("model", model.name() + " " + model.version());
        a.put("model_sha256", model.sha256());
        a.put("backend", appliance.backendName());
        return a;
    }
}
