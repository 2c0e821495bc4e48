package dev.edgevision.tensorrt.build;

/** The builder flags an engine recipe sets; each maps to TensorRT's {@code BuilderFlag} of the same name and to a trtexec option. */
public enum BuilderFlag {
    /** {@code kFP16} / {@code --fp16}: FP16 kernels allowed. */
    FP16,
    /** {@code kINT8} / {@code --int8}: INT8 kernels allowed, with calibration. */
    INT8,
    /** {@code kGPU_FALLBACK} / {@code --allowGPUFallback}: layers the DLA cannot run go to the GPU. */
    GPU_FALLBACK
}
