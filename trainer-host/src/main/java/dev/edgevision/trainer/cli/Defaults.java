package dev.edgevision.trainer.cli;

import java.nio.file.Path;

/**
 * Paths the commands fall back on. The launcher script sets {@code edgevision.home} to the
 * repository root, so the defaults work from any working directory.
 */
final class Defaults {
    private Defaults() {
    }

    /** The repository (or installation) root. */
    static Path home() {
        return Path.of(System.getProperty("edgevision.home", "."));
    }

    /** The bundled 9,000-digit MNIST sample. */
    static Path dataset() {
        return home().resolve("datasets/mnist-9k");
    }

    /** The committed digit detector's trained weights, which labelled-image runs start from. */
    static Path detectorWeights() {
        return home().resolve("models/digit-detector.weights.zip");
    }
}
