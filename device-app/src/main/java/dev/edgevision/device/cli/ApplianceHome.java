package dev.edgevision.device.cli;

import java.nio.file.Path;

/** The checkout or install the launcher runs from (system property {@code edgevision.home}, else here). */
final class ApplianceHome {
    private ApplianceHome() {
    }

    static Path path() {
        return Path.of(System.getProperty("edgevision.home", "."));
    }
}
