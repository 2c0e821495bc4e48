package dev.edgevision.device.config;

import java.util.List;

/** Validation of the {@code http:} slice; every message names the key and the bad value. */
final class HttpChecks {
    private HttpChecks() {
    }

    static void check(ApplianceConfig.HttpSection h, List<String> problems) {
        if (h.port() != null && (h.port() < 0 || h.port() > 65535)) {
            problems.add("http.port must be 0..65535 (0 picks a free port), got " + h.port());
        }
        if (h.bind() != null && h.bind().isBlank()) {
            problems.add("http.bind must be an address such as 127.0.0.1 or 0.0.0.0, got an empty value");
        }
        if (h.tokenFile() != null && (h.user() != null || h.passwordFile() != null)) {
            problems.add("http: give either token_file or user and password_file, not both");
        }
        if ((h.user() == null) != (h.passwordFile() == null)) {
            problems.add("http.user and http.password_file go together: give both for basic auth, or neither");
        }
        if (h.user() != null && (h.user().isBlank() || h.user().contains(":"))) {
            problems.add("http.user must be a non-empty name without ':', got '" + h.user() + "'");
        }
        blank(problems, "http.token_file", h.tokenFile());
        blank(problems, "http.password_file", h.passwordFile());
        blank(problems, "http.draw_model", h.drawModel());
        if (h.previewFps() != null && !(h.previewFps() > 0 && h.previewFps() <= 60)) {
            problems.add("http.preview_fps must be more than 0 and at most 60, got " + h.previewFps());
        }
        if (h.maxViewers() != null && (h.maxViewers() < 1 || h.maxViewers() > 64)) {
            problems.add("http.max_viewers must be 1..64, got " + h.maxViewers());
        }
    }

    private static void blank(List<String> problems, String key, String value) {
        if (value != null && value.isBlank()) {
            problems.add(key + " must be a file path, got an empty value");
        }
    }
}
