package dev.edgevision.device.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackendSelectorTest {
    @TempDir
    Path dir;

    @Test
    void autoFallsBackToTheCpuAndSaysWhy() {
        BackendSelection s = new BackendSelector(true, List.of(dir.resolve("libnvinfer.so.10").toString()))
                .select(BackendChoice.AUTO);
        assertEquals(BackendChoice.ONNXRUNTIME, s.backend());
        assertTrue(s.reason().contains("no TensorRT library"), s.reason());
    }

    @Test
    void autoPicksTensorrtWhereLibraryAndBackendExist() throws Exception {
        Path lib = Files.createFile(dir.resolve("libnvinfer.so.10"));
        assertEquals(BackendChoice.TENSORRT, new BackendSelector(true, List.of(lib.toString()))
                .select(BackendChoice.AUTO).backend());
        BackendSelection notBuilt = new BackendSelector(false, List.of(lib.toString())).select(BackendChoice.AUTO);
        assertEquals(BackendChoice.ONNXRUNTIME, notBuilt.backend());
        assertTrue(notBuilt.reason().contains("no TensorRT backend"), notBuilt.reason());
    }

    @Test
    void explicitTensorrtWithoutGpuIsAClearError() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new BackendSelector(true, List.of()).select(BackendChoice.TENSORRT));
        assertTrue(e.getMessage().contains("use --backend onnxruntime"), e.getMessage());
    }

    @Test
    void parseNamesTheBadValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BackendChoice.parse("cuda"));
        assertTrue(e.getMessage().contains("'cuda'"), e.getMessage());
        assertEquals(BackendChoice.ONNXRUNTIME, BackendChoice.parse("onnxruntime"));
    }
}
