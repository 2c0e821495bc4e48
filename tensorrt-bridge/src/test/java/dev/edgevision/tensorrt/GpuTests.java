package dev.edgevision.tensorrt;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The gate of the tests that need a GPU: they run where TensorRT is usable and the {@code gpu-tests}
 * profile is on ({@code -Pgpu-tests}, which sets {@code edgevision.gpu}); elsewhere they skip, saying
 * what is missing (no GPU, no libnvinfer.so.10, a version mismatch, or the profile).
 */
final class GpuTests {
    private GpuTests() {
    }

    static void assumeGpu() {
        TrtLibrary.Availability trt = TrtLibrary.availability();
        assumeTrue(trt.available(), () -> "needs a GPU with TensorRT 10: " + trt.reason());
        assumeTrue(Boolean.getBoolean("edgevision.gpu"), () -> "a GPU is here (" + trt.reason() + ") but GPU tests"
                + " build engines for minutes: run them with -Pgpu-tests");
    }
}
