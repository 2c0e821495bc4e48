package dev.edgevision.tensorrt;

/**
 * Why the JNI libraries of the presets would not load, in words a user can act on. The presets'
 * JNI links one CUDA and one TensorRT soname, chosen when the device software is built: JetPack 7
 * builds (the default) need libcudart.so.13, JetPack 6 builds ({@code -Djetpack=6}) libcudart.so.12;
 * both need libnvinfer.so.10 and libnvonnxparser.so.10.
 */
public final class NativeLoadFailure {
    private NativeLoadFailure() {
    }

    /** Explains {@code failure}, reading the messages of its causes too (JavaCPP puts the linker's there). */
    public static String explain(Throwable failure) {
        StringBuilder messages = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                messages.append(messages.length() == 0 ? "" : " <- ").append(t.getMessage());
            }
        }
        return explain(messages.toString());
    }

    /** Explains a failure to load whose message (with its causes') is {@code message}. */
    public static String explain(String message) {
        String m = message == null ? "" : message;
        if (m.contains("libcudart.so.13")) {
            return "version mismatch: this build is for JetPack 7 (CUDA 13) but libcudart.so.13 is not on this machine;"
                    + " on JetPack 6 build with ./mvnw -Djetson -Djetpack=6 package";
        }
        if (m.contains("libcudart.so.12")) {
            return "version mismatch: this build is for JetPack 6 (CUDA 12) but libcudart.so.12 is not on this machine;"
                    + " on JetPack 7 build without -Djetpack=6";
        }
        if (m.contains("libcudart")) {
            return "no CUDA runtime (libcudart) on this machine";
        }
        if (m.contains("libcuda.so")) {
            return "no GPU: the NVIDIA driver library (libcuda.so.1) is not on this machine";
        }
        if (m.contains("libnvonnxparser")) {
            return "TensorRT's ONNX parser (libnvonnxparser.so.10) is missing: install the JetPack's TensorRT packages";
        }
        if (m.contains("libnvinfer")) {
            return "no TensorRT 10 library (libnvinfer.so.10) on this machine";
        }
        if (m.contains("GLIBC_")) {
            return "this system's C library is too old for the JNI libraries (glibc 2.34 or newer needed; JetPack 5"
                    + " and older are not supported)";
        }
        return "the CUDA and TensorRT JNI libraries did not load (" + m + ")";
    }
}
