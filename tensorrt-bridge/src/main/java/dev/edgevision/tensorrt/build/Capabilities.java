package dev.edgevision.tensorrt.build;

/**
 * What this GPU offers the builder, as TensorRT reports it.
 *
 * @param fastFp16 whether FP16 runs faster than FP32 here ({@code platformHasFastFp16})
 * @param fastInt8 whether INT8 runs faster here ({@code platformHasFastInt8}; not on a Nano)
 * @param dlaCores how many DLA cores the device has (Xavier and Orin AGX/NX: 2, others 0)
 */
public record Capabilities(boolean fastFp16, boolean fastInt8, int dlaCores) {
}
