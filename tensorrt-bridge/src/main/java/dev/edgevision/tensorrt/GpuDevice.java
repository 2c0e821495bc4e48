package dev.edgevision.tensorrt;

import org.bytedeco.cuda.cudart.cudaDeviceProp;

/**
 * The GPU CUDA reports as device 0.
 *
 * @param name e.g. {@code Orin}
 * @param major compute capability, major
 * @param minor compute capability, minor
 * @param integrated whether it shares the CPU's memory (every Jetson)
 * @param canMapHostMemory whether host memory can be mapped into its address space
 * @param totalMemory bytes of memory it can use
 */
public record GpuDevice(String name, int major, int minor, boolean integrated, boolean canMapHostMemory,
        long totalMemory) {
    /** Reads device 0; a CUDA failure is a {@link CudaException} saying what to do. */
    static GpuDevice first() {
        int[] count = new int[1];
        Cuda.check(Native.deviceCount(count), "cudaGetDeviceCount");
        if (count[0] == 0) {
            throw new CudaException("cudaGetDeviceCount", 100, "no CUDA device");
        }
        try (cudaDeviceProp p = new cudaDeviceProp()) {
            Cuda.check(Native.deviceProperties(p, 0), "cudaGetDeviceProperties");
            return new GpuDevice(p.name().getString().trim(), p.major(), p.minor(), p.integrated() != 0,
                    p.canMapHostMemory() != 0, p.totalGlobalMem());
        }
    }

    /** {@code 8.7}. */
    public String computeCapability() {
        return major + "." + minor;
    }
}
