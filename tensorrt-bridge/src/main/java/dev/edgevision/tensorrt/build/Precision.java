package dev.edgevision.tensorrt.build;

import java.util.Locale;

/**
 * The precision an engine is built at, with the tolerance its outputs must meet against ONNX
 * Runtime's on the bundle's reference inputs before the engine is used.
 *
 * <p>An output value passes when {@code |engine - ort| <= tolerance * max(1, |ort|)}: an absolute
 * tolerance for values up to 1 (probabilities), a relative one above (logits). Every value of every
 * output the manifest lists must pass, and the engine's top class must agree with ONNX Runtime's on
 * at least {@link #minTop1Agreement()} of the samples:
 * <ul>
 *   <li>FP32: tolerance 1e-3, top-1 agreement 100 %;
 *   <li>FP16: tolerance 1e-2, top-1 agreement 100 %;
 *   <li>INT8: tolerance 5e-2, top-1 agreement 95 % (quantisation may flip near ties).
 * </ul>
 */
public enum Precision {
    FP32(1e-3, 1.0),
    FP16(1e-2, 1.0),
    INT8(5e-2, 0.95);

    private final double tolerance;
    private final double minTop1Agreement;

    Precision(double tolerance, double minTop1Agreement) {
        this.tolerance = tolerance;
        this.minTop1Agreement = minTop1Agreement;
    }

    /** Lower-case name as configuration, cache keys and backend names use it: {@code fp16}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Largest difference allowed against ONNX Runtime, absolute up to 1 and relative above. */
    public double tolerance() {
        return tolerance;
    }

    /** Share of reference samples whose top class must agree with ONNX Runtime's. */
    public double minTop1Agreement() {
        return minTop1Agreement;
    }

    /** Parses {@code fp32}, {@code fp16} or {@code int8}; the message names the bad value. */
    public static Precision parse(String text) {
        for (Precision p : values()) {
            if (p.wireName().equals(text)) {
                return p;
            }
        }
        throw new IllegalArgumentException("precision must be fp32, fp16 or int8, got '" + text + "'");
    }
}
