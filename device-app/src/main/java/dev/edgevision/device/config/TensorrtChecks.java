package dev.edgevision.device.config;

import java.util.List;
import java.util.regex.Pattern;

/** Validation of the {@code tensorrt:} slice; every message names the key and the bad value. */
final class TensorrtChecks {
    /** A duration as the configuration writes it: a number and s, m or h. */
    static final Pattern DURATION = Pattern.compile("([1-9][0-9]{0,5})(s|m|h)");

    private TensorrtChecks() {
    }

    static void check(ApplianceConfig.TensorrtSection t, List<String> problems) {
        oneOf(problems, "tensorrt.precision", t.precision(), List.of("auto", "fp32", "fp16", "int8"));
        oneOf(problems, "tensorrt.host_memory", t.hostMemory(), List.of("auto", "mapped", "pinned"));
        if (t.workspaceMb() != null && (t.workspaceMb() < 16 || t.workspaceMb() > 65536)) {
            problems.add("tensorrt.workspace_mb must be 16..65536 (MiB), got " + t.workspaceMb());
        }
        if (t.dlaCore() != null && t.dlaCore() < -1) {
            problems.add("tensorrt.dla_core must be -1 (no DLA) or a DLA core number (0, 1), got " + t.dlaCore());
        }
        if (t.buildTimeout() != null && !DURATION.matcher(t.buildTimeout()).matches()) {
            problems.add("tensorrt.build_timeout must be a duration such as 30m, 90s or 1h, got '" + t.buildTimeout()
                    + "'");
        }
        if (t.trtexec() != null && t.trtexec().isBlank()) {
            problems.add("tensorrt.trtexec must be the path of trtexec, got an empty value");
        }
        if (t.cacheDir() != null && t.cacheDir().isBlank()) {
            problems.add("tensorrt.cache_dir must be a folder, got an empty value");
        }
    }

    private static void oneOf(List<String> problems, String key, String value, List<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            problems.add(key + " must be " + String.join(", ", allowed.subList(0, allowed.size() - 1)) + " or "
                    + allowed.get(allowed.size() - 1) + ", got '" + value + "'");
        }
    }
}
