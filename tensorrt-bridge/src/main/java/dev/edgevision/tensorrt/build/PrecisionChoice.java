package dev.edgevision.tensorrt.build;

import java.util.Locale;

/** The precision the configuration asks for: one of {@link Precision}, or {@code auto} (FP16 where fast, else FP32). */
public enum PrecisionChoice {
    AUTO, FP32, FP16, INT8;

    /** Parses {@code auto}, {@code fp32}, {@code fp16} or {@code int8}; the message names the bad value. */
    public static PrecisionChoice parse(String text) {
        for (PrecisionChoice c : values()) {
            if (c.name().toLowerCase(Locale.ROOT).equals(text)) {
                return c;
            }
        }
        throw new IllegalArgumentException("precision must be auto, fp32, fp16 or int8, got '" + text + "'");
    }

    /** The precision asked for, or {@code null} for auto. */
    Precision precision() {
        return this == AUTO ? null : Precision.valueOf(name());
    }
}
