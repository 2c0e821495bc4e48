package dev.edgevision.tensorrt;

import dev.edgevision.tensorrt.build.Capabilities;
import dev.edgevision.tensorrt.build.GpuPlatform;
import dev.edgevision.tensorrt.serve.PlatformProbe;

/**
 * Reads the GPU and TensorRT of this process for cache keys and build plans: the library versions,
 * the GPU's name and compute capability, whether it can map host memory, and its capabilities
 * (fast FP16 and INT8 from the compute capability, DLA cores from the runtime).
 */
public final class TrtPlatformProbe implements PlatformProbe {
    @Override
    public GpuPlatform probe() {
        TrtLibrary library = TrtLibrary.get();
        GpuDevice gpu = library.device();
        int dla = Native.dlaCores(library.runtime());
        return new GpuPlatform(library.tensorrtVersion(), library.cudaVersion(), gpu.name(), gpu.computeCapability(),
                gpu.integrated(), gpu.canMapHostMemory(), Capabilities.of(gpu.major(), gpu.minor(), dla));
    }
}
