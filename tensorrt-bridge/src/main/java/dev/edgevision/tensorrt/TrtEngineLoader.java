package dev.edgevision.tensorrt;

import dev.edgevision.core.detect.DetectorException;
import dev.edgevision.core.model.ModelManifest;
import dev.edgevision.tensorrt.build.EngineRecipe;
import dev.edgevision.tensorrt.build.HostMemory;
import dev.edgevision.tensorrt.serve.EngineLoader;
import dev.edgevision.tensorrt.serve.LoadedEngine;

/** Loads engines for one bundle with TensorRT's runtime, sharing memory with the GPU as configured. */
public final class TrtEngineLoader implements EngineLoader {
    private final ModelManifest manifest;
    private final HostMemory hostMemory;

    public TrtEngineLoader(ModelManifest manifest, HostMemory hostMemory) {
        this.manifest = manifest;
        this.hostMemory = hostMemory;
    }

    @Override
    public LoadedEngine load(byte[] plan, EngineRecipe recipe) throws DetectorException {
        GpuDevice gpu;
        try {
            gpu = TrtLibrary.get().device();
        } catch (TensorRtException e) {
            throw new DetectorException(e.getMessage(), e);
        }
        return TrtEngine.load(plan, recipe, manifest, hostMemory.mapped(gpu.integrated(), gpu.canMapHostMemory()));
    }
}
