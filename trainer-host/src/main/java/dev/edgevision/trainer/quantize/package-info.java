/**
 * INT8 variants of detector bundles: the float graph's batch normalisations are folded into its
 * convolutions, activation ranges are measured by running it on generated scenes, and the graph is
 * rewritten in ONNX's QDQ form (QuantizeLinear/DequantizeLinear pairs) that ONNX Runtime's CPU
 * provider fuses into QLinearConv, QLinearLeakyRelu and integer MaxPool.
 */
package dev.edgevision.trainer.quantize;
