package dev.edgevision.tensorrt.build;

/**
 * What this GPU offers the builder, as TensorRT reports it.
 *
 * @param fastFp16 whether FP16 runs faster than FP32 here ({@code platformHasFastFp16})
 * @param fastInt8 whether INT8 runs faster here ({@code platformHasFastInt8}; not on a Nano)
 * @param dlaCores how many DLA cores the device has (Xavier and Orin AGX/NX: 2, others 0)
 */
public record Capabilities(boolean fastFp16, boolean fastInt8, int dlaCores) {
    /**
     * What a GPU of compute capability {@code major.minor} offers, by the rule TensorRT's
     * {@code platformHasFastFp16} and {@code platformHasFastInt8} follow: fast FP16 on 5.3 (TX1, Nano),
     * 6.0, 6.2 (TX2) and from 7.0; fast INT8 from 6.1 except on 6.2. Read this way, a cache hit needs
     * no builder (whose memory the presets cannot free); the in-process builder checks it against
     * TensorRT's own answer.
     */
    public static Capabilities of(int major, int minor, int dlaCores) {
        int cc = major * 10 + minor;
        boolean fp16 = cc == 53 || cc == 60 || cc == 62 || cc >= 70;
        boolean int8 = cc >= 61 && cc != 62;
        return new Capabilities(fp16, int8, dlaCores);
    }
}
