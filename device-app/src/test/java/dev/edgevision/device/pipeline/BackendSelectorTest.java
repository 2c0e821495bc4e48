package dev.edgevision.device.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgevision.tensorrt.TrtLibrary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackendSelectorTest {
    @TempDir
    Path dir;

    static final TrtLibrary.Availability ORIN = new TrtLibrary.Availability(true,
            "Orin (compute 8.7), CUDA 12.6, TensorRT 10.3.0");

    @Test
    void autoFallsBackToTheCpuAndSaysWhy() {
        BackendSelection s = new BackendSelector(true, List.of(dir.resolve("libnvinfer.so.10").toString()), () -> ORIN)
                .select(BackendChoice.AUTO);
        assertEquals(BackendChoice.ONNXRUNTIME, s.backend());
        assertTrue(s.reason().contains("no TensorRT library"), s.reason());
    }

    @Test
    void autoPicksTensorrtWhereLibraryAndBackendExist() throws Exception {
        Path lib = Files.createFile(dir.resolve("libnvinfer.so.10"));
        BackendSelection gpu = new BackendSelector(true, List.of(lib.toString()), () -> ORIN).select(BackendChoice.AUTO);
        assertEquals(BackendChoice.TENSORRT, gpu.backend());
        assertEquals("GPU and TensorRT found: Orin (compute 8.7), CUDA 12.6, TensorRT 10.3.0", gpu.reason());
        BackendSelection notBuilt = new BackendSelector(false, List.of(lib.toString()), () -> ORIN)
                .select(BackendChoice.AUTO);
        assertEquals(BackendChoice.ONNXRUNTIME, notBuilt.backend());
        assertTrue(notBuilt.reason().contains("no TensorRT backend"), notBuilt.reason());
    }

    @Test
    void explicitTensorrtWithoutGpuIsAClearError() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new BackendSelector(true, List.of(), () -> ORIN).select(BackendChoice.TENSORRT));
        assertTrue(e.getMessage().contains("use --backend onnxruntime"), e.getMessage());
    }

    @Test
    void aLibraryWithoutGpuOrOfTheWrongVersionFallsBackWithTheReason() throws Exception {
        Path lib = Files.createFile(dir.resolve("libnvinfer.so.10"));
        TrtLibrary.Availability mismatch = new TrtLibrary.Availability(false, "version mismatch: this build is for"
                + " JetPack 7 (CUDA 13) but libcudart.so.13 is not on this machine");
        BackendSelection s = new BackendSelector(true, List.of(lib.toString()), () -> mismatch).select(BackendChoice.AUTO);
        assertEquals(BackendChoice.ONNXRUNTIME, s.backend());
        assertEquals("CPU fallback: " + mismatch.reason(), s.reason());
    }

    @Test
    void theGpuIsNotProbedWhenTheCpuIsAskedForOrNoLibraryExists() {
        java.util.concurrent.atomic.AtomicInteger probes = new java.util.concurrent.atomic.AtomicInteger();
        BackendSelector selector = new BackendSelector(true, List.of(dir.resolve("none").toString()), () -> {
            probes.incrementAndGet();
            return ORIN;
        });
        selector.select(BackendChoice.ONNXRUNTIME);
        selector.select(BackendChoice.AUTO);
        assertEquals(0, probes.get());
    }

    @Test
    void parseNamesTheBadValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BackendChoice.parse("cuda"));
        assertTrue(e.getMessage().contains("'cuda'"), e.getMessage());
        assertEquals(BackendChoice.ONNXRUNTIME, BackendChoice.parse("onnxruntime"));
    }
}
