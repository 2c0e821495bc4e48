package dev.edgevision.tensorrt.build;

/**
 * The GPU and TensorRT this process runs with, as the device reports them: what cache keys record
 * and what build plans are resolved against.
 *
 * @param tensorrtVersion the TensorRT library loaded at run time, e.g. {@code 10.3.0}
 * @param cudaVersion the CUDA runtime, e.g. {@code 12.6}
 * @param gpuName the GPU's name, e.g. {@code Orin}
 * @param computeCapability e.g. {@code 8.7}
 * @param integrated whether the GPU shares the CPU's memory (every Jetson)
 * @param canMapHostMemory whether host memory can be mapped into the GPU's address space
 * @param capabilities what the builder offers on this GPU
 */
public record GpuPlatform(String tensorrtVersion, String cudaVersion, String gpuName, String computeCapability,
        boolean integrated, boolean canMapHostMemory, Capabilities capabilities) {
    /** One line for the log: {@code Orin (compute 8.7, integrated), CUDA 12.6, TensorRT 10.3.0, fast FP16, INT8, 2 DLA cores}. */
    public String describe() {
        return gpuName + " (compute " + computeCapability + (integrated ? ", integrated" : "") + "), CUDA " + cudaVersion
                + ", TensorRT " + tensorrtVersion + (capabilities.fastFp16() ? ", fast FP16" : "")
                + (capabilities.fastInt8() ? ", fast INT8" : "") + ", " + capabilities.dlaCores() + " DLA cores";
    }
}
