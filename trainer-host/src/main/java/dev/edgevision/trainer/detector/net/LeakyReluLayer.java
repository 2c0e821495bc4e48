package dev.edgevision.trainer.detector.net;

import dev.edgevision.trainer.backend.InPlaceLeakyRelu;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.nd4j.linalg.activations.impl.ActivationLReLU;

/**
 * Which layer applies the leaky ReLU after each batch-norm. Both compute the same function and
 * gradients; they differ in how many passes over the activations a step makes.
 */
public enum LeakyReluLayer {
    /** The trainer's {@link InPlaceLeakyRelu}: one pass forward, one backward (the default). */
    IN_PLACE,
    /** DL4J's {@link ActivationLayer}, which copies its input both ways: for speed comparisons. */
    DL4J;

    /** The layer configuration, with the detector's slope. */
    ActivationLayer layer() {
        return this == IN_PLACE ? new InPlaceLeakyRelu(DetectorArchitecture.LEAKY_SLOPE)
                : new ActivationLayer(new ActivationLReLU(DetectorArchitecture.LEAKY_SLOPE));
    }

    /** The layer named {@code name} ({@code inplace} or {@code dl4j}). */
    public static LeakyReluLayer parse(String name) {
        return switch (name.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "inplace", "in-place" -> IN_PLACE;
            case "dl4j" -> DL4J;
            default -> throw new IllegalArgumentException("--activation must be inplace or dl4j, got '" + name + "'");
        };
    }
}
