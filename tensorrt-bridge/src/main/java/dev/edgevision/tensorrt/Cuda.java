package dev.edgevision.tensorrt;

/** Checks CUDA status numbers: anything but success becomes a {@link CudaException} naming the operation. */
final class Cuda {
    private Cuda() {
    }

    /** Throws when {@code status} is not {@code cudaSuccess} (0). */
    static void check(int status, String operation) {
        if (status != 0) {
            String text;
            try {
                text = Native.errorText(status);
            } catch (RuntimeException | LinkageError e) {
                text = null;
            }
            throw new CudaException(operation, status, text);
        }
    }
}
