package dev.edgevision.tensorrt.serve;

import dev.edgevision.core.detect.DetectorException;
import dev.edgevision.tensorrt.build.EngineRecipe;

/** Deserialises engines: TensorRT's runtime on a device, a fake in tests. */
@FunctionalInterface
public interface EngineLoader {
    /** Loads the serialised engine {@code plan}, built from {@code recipe}. */
    LoadedEngine load(byte[] plan, EngineRecipe recipe) throws DetectorException;
}
