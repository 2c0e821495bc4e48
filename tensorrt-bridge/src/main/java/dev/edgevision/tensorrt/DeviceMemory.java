package dev.edgevision.tensorrt;

import org.bytedeco.javacpp.Pointer;

/** A buffer in GPU memory, allocated once and freed on close. */
public final class DeviceMemory implements AutoCloseable {
    private final Pointer address = new Pointer();
    private final long bytes;
    private boolean closed;

    /**
     * Allocates {@code bytes} on the current device.
     *
     * @param purpose what the buffer is for, named in the error when it cannot be allocated
     */
    public DeviceMemory(long bytes, String purpose) {
        this.bytes = bytes;
        Cuda.check(Native.deviceAlloc(address, bytes), "cudaMalloc of " + bytes + " bytes for " + purpose);
    }

    Pointer address() {
        return address;
    }

    public long bytes() {
        return bytes;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            Cuda.check(Native.deviceFree(address), "cudaFree");
        }
    }
}
