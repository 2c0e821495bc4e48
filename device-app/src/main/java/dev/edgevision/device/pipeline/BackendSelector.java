package dev.edgevision.device.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Decides once, at start-up and by capability, which backend runs: TensorRT where a GPU and its
 * libraries are present and the TensorRT backend is built in, otherwise ONNX Runtime on the CPU.
 * Never decided by catching failures inside the frame loop.
 */
public final class BackendSelector {
    private static final List<String> TENSORRT_LIBRARIES = List.of(
            "/usr/lib/aarch64-linux-gnu/libnvinfer.so.10", "/usr/lib/x86_64-linux-gnu/libnvinfer.so.10");

    private final boolean tensorrtBuiltIn;
    private final List<String> libraryPaths;

    /** Selector for this machine: looks for libnvinfer and for the TensorRT backend on the classpath. */
    public static BackendSelector forThisMachine() {
        return new BackendSelector(isOnClasspath("dev.edgevision.tensorrt.TrtRunner"), TENSORRT_LIBRARIES);
    }

    BackendSelector(boolean tensorrtBuiltIn, List<String> libraryPaths) {
        this.tensorrtBuiltIn = tensorrtBuiltIn;
        this.libraryPaths = libraryPaths;
    }

    /** Resolves {@code choice} into the backend that will run; an impossible explicit choice is an error. */
    public BackendSelection select(BackendChoice choice) {
        String missing = tensorrtMissing();
        if (choice == BackendChoice.TENSORRT && missing != null) {
            throw new IllegalStateException("backend 'tensorrt' was asked for but cannot run here: " + missing
                    + "; use --backend onnxruntime or auto");
        }
        if (choice == BackendChoice.ONNXRUNTIME) {
            return new BackendSelection(BackendChoice.ONNXRUNTIME, "asked for by configuration");
        }
        if (missing == null) {
            return new BackendSelection(BackendChoice.TENSORRT, "GPU and TensorRT found");
        }
        return new BackendSelection(BackendChoice.ONNXRUNTIME, "CPU fallback: " + missing);
    }

    private String tensorrtMissing() {
        boolean library = libraryPaths.stream().anyMatch(p -> Files.exists(Path.of(p)));
        if (!library) {
            return "no TensorRT library (libnvinfer.so.10) on this machine";
        }
        if (!tensorrtBuiltIn) {
            return "this build has no TensorRT backend";
        }
        return null;
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
