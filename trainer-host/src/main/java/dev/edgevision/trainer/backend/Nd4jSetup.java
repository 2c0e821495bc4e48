package dev.edgevision.trainer.backend;

/**
 * Chooses how ND4J computes before it loads: the oneDNN build of nd4j-native, and DL4J's oneDNN
 * layer helpers switched on. Must run before the first ND4J or DL4J class initialises.
 *
 * <p>Why, measured on the detector network ({@code trainer bench-train}, 2 cores): DL4J 1.0.0-M2.1
 * ships its oneDNN helpers disabled ({@code org.eclipse.deeplearning4j.helpers.disable} defaults to
 * true) and its helper check looks for a class that moved in that release, so convolutions run
 * through DL4J's own im2col path, which a profile showed taking about a third of a training step.
 * With the oneDNN build, the helpers on and {@link org.nd4j.nativeblas.Nd4jCpu.Environment} restoring
 * the class the check looks for, convolution, batch-norm and pooling run in oneDNN. A user can still
 * choose otherwise by setting either system property on the command line.
 */
public final class Nd4jSetup {
    /** JavaCPP's switch between native builds of nd4j-native. */
    public static final String PLATFORM_EXTENSION = "org.bytedeco.javacpp.platform.extension";
    /** DL4J's switch for its layer helpers. */
    public static final String HELPERS_DISABLE = "org.eclipse.deeplearning4j.helpers.disable";

    private Nd4jSetup() {
    }

    /** Sets the properties the user has not set. */
    public static void configure() {
        setDefault(PLATFORM_EXTENSION, "-onednn");
        setDefault(HELPERS_DISABLE, "false");
    }

    /** One line for logs: which native build and whether the helpers are on. */
    public static String describe() {
        return "nd4j-native build '" + System.getProperty(PLATFORM_EXTENSION, "") + "', DL4J oneDNN helpers "
                + ("false".equals(System.getProperty(HELPERS_DISABLE)) ? "on" : "off");
    }

    private static void setDefault(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
