package dev.edgevision.device.pipeline;

import dev.edgevision.tensorrt.TrtLibrary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * Decides once, at start-up and by capability, which backend runs: TensorRT where its library, a
 * GPU and a matching CUDA and TensorRT version are present, otherwise ONNX Runtime on the CPU, with
 * the reason (no libnvinfer, no GPU, version mismatch). Never decided by catching failures inside
 * the frame loop.
 */
public final class BackendSelector {
    private static final List<String> TENSORRT_LIBRARIES = List.of(
            "/usr/lib/aarch64-linux-gnu/libnvinfer.so.10", "/usr/lib/x86_64-linux-gnu/libnvinfer.so.10");

    private final boolean tensorrtBuiltIn;
    private final List<String> libraryPaths;
    private final Supplier<TrtLibrary.Availability> gpu;

    /** Selector for this machine: looks for libnvinfer, then loads CUDA and TensorRT and looks for a GPU. */
    public static BackendSelector forThisMachine() {
        return new BackendSelector(isOnClasspath("dev.edgevision.tensorrt.TrtRunner"), TENSORRT_LIBRARIES,
                TrtLibrary::availability);
    }

    /**
     * @param gpu the deeper check, run only once libnvinfer was found: loads the libraries, checks
     *     the versions, looks for a GPU
     */
    BackendSelector(boolean tensorrtBuiltIn, List<String> libraryPaths, Supplier<TrtLibrary.Availability> gpu) {
        this.tensorrtBuiltIn = tensorrtBuiltIn;
        this.libraryPaths = libraryPaths;
        this.gpu = gpu;
    }

    /** Resolves {@code choice} into the backend that will run; an impossible explicit choice is an error. */
    public BackendSelection select(BackendChoice choice) {
        if (choice == BackendChoice.ONNXRUNTIME) {
            return new BackendSelection(BackendChoice.ONNXRUNTIME, "asked for by configuration");
        }
        TrtLibrary.Availability tensorrt = tensorrt();
        if (choice == BackendChoice.TENSORRT && !tensorrt.available()) {
            throw new IllegalStateException("backend 'tensorrt' was asked for but cannot run here: " + tensorrt.reason()
                    + "; use --backend onnxruntime or auto");
        }
        if (tensorrt.available()) {
            return new BackendSelection(BackendChoice.TENSORRT, "GPU and TensorRT found: " + tensorrt.reason());
        }
        return new BackendSelection(BackendChoice.ONNXRUNTIME, "CPU fallback: " + tensorrt.reason());
    }

    /** Whether TensorRT can run here: the GPU's description, or what is missing. */
    private TrtLibrary.Availability tensorrt() {
        boolean library = libraryPaths.stream().anyMatch(p -> Files.exists(Path.of(p)));
        if (!library) {
            return new TrtLibrary.Availability(false, "no TensorRT library (libnvinfer.so.10) on this machine");
        }
        if (!tensorrtBuiltIn) {
            return new TrtLibrary.Availability(false, "this build has no TensorRT backend");
        }
        return gpu.get();
    }

    private static boolean isOnClasspath(String className) {
        try {
            Class.forName(className, false, BackendSelector.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
