package dev.edgevision.trainer.cli;

/**
 * Keeps library logs (ND4J's start-up banner, DL4J's INFO lines) off the terminal unless
 * {@code --verbose} asks for them, so what the user sees is the progress bar and the results.
 */
final class Logging {
    private Logging() {
    }

    static void configure(boolean verbose) {
        setDefault("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "info" : "warn");
        setDefault("org.slf4j.simpleLogger.logFile", "System.err");
        setDefault("org.slf4j.simpleLogger.showThreadName", "false");
        setDefault("org.slf4j.simpleLogger.levelInBrackets", "true");
        setDefault("ORT_DISABLE_TELEMETRY", "1");
    }

    private static void setDefault(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
