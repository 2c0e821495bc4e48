package dev.edgevision.tensorrt.serve;

import dev.edgevision.tensorrt.build.GpuPlatform;

/** Reads the GPU and TensorRT this process runs with: from CUDA and TensorRT on a device, fixed in tests. */
@FunctionalInterface
public interface PlatformProbe {
    GpuPlatform probe() throws Exception;
}
