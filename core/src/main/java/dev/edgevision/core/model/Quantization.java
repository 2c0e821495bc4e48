package dev.edgevision.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How a bundle's graph was quantised, for bundles whose ONNX graph computes in integers. The graph
 * itself says everything a runtime needs (its QuantizeLinear/DequantizeLinear nodes carry the
 * scales), so a device runs such a bundle without reading this; it is there so people, the device's
 * status and the trainer can tell a quantised variant from its float original. A manifest without
 * it describes a float32 graph.
 *
 * @param precision what the graph computes in, {@value #INT8} for 8-bit integers
 * @param format how the graph expresses it, {@value #QDQ} for QuantizeLinear/DequantizeLinear pairs
 *     that ONNX Runtime fuses into integer operators
 * @param weights how the weights are quantised, e.g. {@code int8 symmetric per output channel}
 * @param activations how the activations are quantised, e.g. {@code uint8 asymmetric per tensor}
 * @param calibration how the activation ranges were found, e.g. {@code min/max over 200 generated scenes}
 * @param floatModelSha256 sha256 of the float graph this one was made from
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Quantization(String precision, String format, String weights, String activations, String calibration,
        String floatModelSha256) {
    /** {@link #precision()} of an 8-bit integer graph. */
    public static final String INT8 = "int8";
    /** {@link #format()} of a graph with QuantizeLinear/DequantizeLinear pairs. */
    public static final String QDQ = "qdq";
}
