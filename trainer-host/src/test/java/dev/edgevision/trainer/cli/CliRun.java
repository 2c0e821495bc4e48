package dev.edgevision.trainer.cli;

import dev.edgevision.core.testing.CapturedRun;

/** Runs the trainer's command line in-process. */
final class CliRun {
    private CliRun() {
    }

    static CapturedRun of(String... args) {
        return CapturedRun.of(TrainerCli::run, args);
    }
}
