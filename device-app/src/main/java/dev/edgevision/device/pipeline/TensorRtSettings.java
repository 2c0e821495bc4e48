package dev.edgevision.device.pipeline;

import dev.edgevision.device.config.ApplianceConfig;
import dev.edgevision.tensorrt.build.BuildSettings;
import dev.edgevision.tensorrt.build.HostMemory;
import dev.edgevision.tensorrt.build.PrecisionChoice;
import java.nio.file.Path;
import java.time.Duration;

/** The configuration's {@code tensorrt:} slice (already validated) as the TensorRT backend's settings. */
public final class TensorRtSettings {
    private TensorRtSettings() {
    }

    /**
     * Settings from {@code section} (null: all defaults), relative paths resolved against {@code home},
     * for runs of up to {@code maxBatch} samples.
     */
    public static BuildSettings from(ApplianceConfig.TensorrtSection section, Path home, int maxBatch) {
        BuildSettings d = BuildSettings.defaults(defaultCacheDir(), maxBatch);
        if (section == null) {
            return d;
        }
        return new BuildSettings(
                section.precision() == null ? d.precision() : PrecisionChoice.parse(section.precision()),
                section.workspaceMb() == null ? d.workspaceBytes() : (long) section.workspaceMb() << 20,
                section.dlaCore() == null ? d.dlaCore() : section.dlaCore(),
                section.buildTimeout() == null ? d.buildTimeout() : duration(section.buildTimeout()),
                section.trtexec() == null ? d.trtexec() : home.resolve(section.trtexec()),
                section.hostMemory() == null ? d.hostMemory() : HostMemory.parse(section.hostMemory()),
                section.cacheDir() == null ? d.cacheDir() : home.resolve(section.cacheDir()),
                maxBatch);
    }

    /** {@code 30m}, {@code 90s}, {@code 1h} as a duration. */
    static Duration duration(String text) {
        long n = Long.parseLong(text.substring(0, text.length() - 1));
        return switch (text.charAt(text.length() - 1)) {
            case 's' -> Duration.ofSeconds(n);
            case 'm' -> Duration.ofMinutes(n);
            case 'h' -> Duration.ofHours(n);
            default -> throw new IllegalArgumentException("tensorrt.build_timeout must end in s, m or h, got '" + text + "'");
        };
    }

    /** systemd's state directory when the service runs under it, else the user's cache folder. */
    static Path defaultCacheDir() {
        String state = System.getenv("STATE_DIRECTORY");
        if (state != null && !state.isBlank()) {
            return Path.of(state.split(":")[0], "engines");
        }
        return Path.of(System.getProperty("user.home"), ".cache", "edgevision", "engines");
    }
}
