package dev.edgevision.tensorrt;

import org.bytedeco.tensorrt.nvinfer.IRuntime;

/**
 * The CUDA and TensorRT libraries of this process, loaded once: TensorRT's logger and the one
 * runtime every engine is deserialised by (a runtime must outlive its engines, so it lives as long
 * as the process). {@link #availability()} says, without throwing, whether TensorRT can run here
 * and if not why: no library, a version mismatch, or no GPU.
 */
public final class TrtLibrary {
    private static TrtLibrary instance;
    private static String failure;

    private final TrtLog log = new TrtLog();
    private final int tensorrtVersion;
    private final int cudaVersion;
    private final GpuDevice device;
    private IRuntime runtime;

    private TrtLibrary(int tensorrtVersion, int cudaVersion, GpuDevice device) {
        this.tensorrtVersion = tensorrtVersion;
        this.cudaVersion = cudaVersion;
        this.device = device;
    }

    /** Whether TensorRT can run in this process, and why not. */
    public record Availability(boolean available, String reason) {
    }

    /** Checks (once per process) that the libraries load, TensorRT is 10.3 or newer and a GPU is present. */
    public static Availability availability() {
        try {
            TrtLibrary library = get();
            return new Availability(true, library.describe());
        } catch (TensorRtException e) {
            return new Availability(false, e.getMessage());
        }
    }

    /** The libraries, loaded and checked; a {@link TensorRtException} says why they cannot be used. */
    public static synchronized TrtLibrary get() {
        if (instance != null) {
            return instance;
        }
        if (failure == null) {
            failure = load();
        }
        if (failure != null) {
            throw new TensorRtException(failure);
        }
        return instance;
    }

    private static String load() {
        try {
            Native.load();
        } catch (LinkageError e) {
            return NativeLoadFailure.explain(e);
        }
        int trt = Native.inferLibVersion();
        String mismatch = TrtVersions.mismatch(trt);
        if (mismatch != null) {
            return mismatch;
        }
        int[] cuda = new int[1];
        try {
            Cuda.check(Native.runtimeVersion(cuda), "cudaRuntimeGetVersion");
            instance = new TrtLibrary(trt, cuda[0], GpuDevice.first());
            return null;
        } catch (CudaException e) {
            return "no usable GPU: " + e.getMessage();
        }
    }

    /** {@code Orin (compute 8.7), CUDA 12.6, TensorRT 10.3.0}. */
    public String describe() {
        return device.name() + " (compute " + device.computeCapability() + "), CUDA " + TrtVersions.cuda(cudaVersion)
                + ", TensorRT " + tensorrtVersion();
    }

    /** The TensorRT library's version, e.g. {@code 10.3.0}. */
    public String tensorrtVersion() {
        return TrtVersions.tensorrt(tensorrtVersion);
    }

    /** The CUDA runtime's version, e.g. {@code 12.6}. */
    public String cudaVersion() {
        return TrtVersions.cuda(cudaVersion);
    }

    /** The version of the TensorRT headers the JNI libraries were built with (the presets release). */
    public String headerVersion() {
        return TrtVersions.tensorrt(Native.headerVersion());
    }

    public GpuDevice device() {
        return device;
    }

    TrtLog log() {
        return log;
    }

    /** The process's runtime, created on first use. */
    synchronized IRuntime runtime() {
        if (runtime == null) {
            log.clearErrors();
            runtime = Native.createRuntime(log);
            if (runtime == null || runtime.isNull()) {
                runtime = null;
                throw new TensorRtException("createInferRuntime failed" + log.errorSuffix());
            }
        }
        return runtime;
    }
}
