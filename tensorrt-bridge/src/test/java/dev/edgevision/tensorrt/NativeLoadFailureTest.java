package dev.edgevision.tensorrt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Why the JNI libraries would not load, in words a user can act on. */
class NativeLoadFailureTest {
    @Test
    void aJetpack7BuildOnJetpack6SaysWhichProfileToBuildWith() {
        String why = NativeLoadFailure.explain("/x/libjnicudart.so: libcudart.so.13: cannot open shared object file");
        assertTrue(why.startsWith("version mismatch: this build is for JetPack 7 (CUDA 13)"), why);
        assertTrue(why.contains("-Djetpack=6"), why);
        assertTrue(NativeLoadFailure.explain("libcudart.so.12: cannot open").contains("without -Djetpack=6"));
    }

    @Test
    void missingLibrariesAreNamed() {
        assertEquals("no TensorRT 10 library (libnvinfer.so.10) on this machine",
                NativeLoadFailure.explain("libjninvinfer.so: libnvinfer.so.10: cannot open shared object file"));
        assertTrue(NativeLoadFailure.explain("libnvonnxparser.so.10: cannot open").contains("ONNX parser"));
        assertEquals("no GPU: the NVIDIA driver library (libcuda.so.1) is not on this machine",
                NativeLoadFailure.explain("libcuda.so.1: cannot open shared object file"));
        assertTrue(NativeLoadFailure.explain("version `GLIBC_2.34' not found").contains("glibc 2.34"));
    }

    @Test
    void theLinkersMessageIsFoundAmongTheCauses() {
        UnsatisfiedLinkError outer = new UnsatisfiedLinkError("no jnicudart in java.library.path: /usr/lib");
        outer.initCause(new UnsatisfiedLinkError("/cache/libjnicudart.so: libcuda.so.1: cannot open shared object file"));
        assertEquals("no GPU: the NVIDIA driver library (libcuda.so.1) is not on this machine",
                NativeLoadFailure.explain(outer));
        assertEquals("the CUDA and TensorRT JNI libraries did not load (something else)",
                NativeLoadFailure.explain(new UnsatisfiedLinkError("something else")));
    }
}
