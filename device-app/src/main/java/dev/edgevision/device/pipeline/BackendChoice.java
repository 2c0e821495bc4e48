package dev.edgevision.device.pipeline;

/** What the configuration or the command line asks for: a backend, or {@code auto} to pick by capability. */
public enum BackendChoice {
    AUTO, TENSORRT, ONNXRUNTIME;

    /** Parses {@code auto}, {@code tensorrt} or {@code onnxruntime}; the message names the bad value. */
    public static BackendChoice parse(String text) {
        for (BackendChoice c : values()) {
            if (c.name().equalsIgnoreCase(text)) {
                return c;
            }
        }
        throw new IllegalArgumentException("backend must be auto, tensorrt or onnxruntime, got '" + text + "'");
    }
}
