package dev.edgevision.device.cli;

import dev.edgevision.core.testing.CapturedRun;

/** Runs the appliance's command line in-process. */
final class CliRun {
    private CliRun() {
    }

    static CapturedRun of(String... args) {
        return CapturedRun.of(ApplianceCli::run, args);
    }
}
