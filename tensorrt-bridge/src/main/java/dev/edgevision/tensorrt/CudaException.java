package dev.edgevision.tensorrt;

/**
 * A CUDA runtime call failed. The message names the operation, CUDA's status (name and number) and
 * what a user can do; {@link #code()} is the {@code cudaError_t} number.
 */
public class CudaException extends RuntimeException {
    private final int code;

    public CudaException(String operation, int code, String cudaText) {
        super(CudaStatus.describe(operation, code, cudaText));
        this.code = code;
    }

    /** The {@code cudaError_t} number. */
    public int code() {
        return code;
    }
}
