package dev.edgevision.tensorrt.serve;

import dev.edgevision.tensorrt.build.BuildPlan;
import dev.edgevision.tensorrt.build.GpuPlatform;

/**
 * How the engine in use came to be: for the log, the status and {@code appliance bench}.
 *
 * @param backend the backend name its runners report ({@code tensorrt-fp16})
 * @param platform the GPU and TensorRT it was built for
 * @param plan what was built and why it differs from the request
 * @param builder which builder made it ({@code in-process}, {@code trtexec})
 * @param buildSeconds how long that build took
 * @param fromCache whether it was loaded from the cache rather than built now
 * @param validation how it compared with ONNX Runtime
 */
public record EngineOutcome(String backend, GpuPlatform platform, BuildPlan plan, String builder, double buildSeconds,
        boolean fromCache, ValidationReport validation) {
}
