package dev.edgevision.tensorrt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** CUDA status numbers become messages a user can act on. */
class CudaStatusTest {
    @Test
    void knownCodesHaveCudasNameAndAdvice() {
        assertEquals("cudaErrorMemoryAllocation", CudaStatus.name(2));
        assertEquals("cudaErrorNoDevice", CudaStatus.name(100));
        assertEquals("cudaErrorInsufficientDriver", CudaStatus.name(35));
        assertTrue(CudaStatus.advice(35).contains("-Djetpack=6"), CudaStatus.advice(35));
        assertTrue(CudaStatus.advice(100).contains("video group"), CudaStatus.advice(100));
    }

    @Test
    void theExceptionNamesOperationStatusAndRemedy() {
        CudaException e = new CudaException("cudaMalloc of 12544 bytes for 'input'", 2, "out of memory");
        assertEquals("cudaMalloc of 12544 bytes for 'input' failed: cudaErrorMemoryAllocation [2] (out of memory);"
                + " out of GPU memory: lower tensorrt.workspace_mb, use fewer cameras, or stop other GPU programs",
                e.getMessage());
        assertEquals(2, e.code());
    }

    @Test
    void unknownCodesAreReportedByNumber() {
        String text = CudaStatus.describe("cudaStreamCreate", 12345, null);
        assertEquals("cudaStreamCreate failed: cudaError 12345 [12345]; see CUDA's documentation of this code;"
                + " report it with the log", text);
    }
}
