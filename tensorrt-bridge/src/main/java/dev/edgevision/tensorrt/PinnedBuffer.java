package dev.edgevision.tensorrt;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;

/**
 * Page-locked host memory for {@code floats} values: the source and target of asynchronous copies,
 * or, when {@code mapped}, memory the GPU reads and writes directly through {@link #deviceAddress()}
 * (on Jetson, where CPU and GPU share the memory, that saves both copies).
 */
public final class PinnedBuffer implements AutoCloseable {
    private final Pointer host = new Pointer();
    private final Pointer device;
    private final FloatPointer values;
    private boolean closed;

    /**
     * @param purpose what the buffer is for, named in the error when it cannot be allocated
     */
    public PinnedBuffer(long floats, boolean mapped, String purpose) {
        long bytes = floats * Float.BYTES;
        Cuda.check(Native.hostAlloc(host, bytes, mapped), "cudaHostAlloc of " + bytes + " bytes for " + purpose);
        values = new FloatPointer(host).capacity(floats);
        if (mapped) {
            device = new Pointer();
            int status = Native.hostDevicePointer(device, host);
            if (status != 0) {
                Native.hostFree(host);
                Cuda.check(status, "cudaHostGetDevicePointer for " + purpose);
            }
        } else {
            device = null;
        }
    }

    /** The host side, for copying values in and out without allocating. */
    FloatPointer values() {
        return values;
    }

    Pointer hostAddress() {
        return host;
    }

    /** Where the GPU sees this memory; only for mapped buffers. */
    Pointer deviceAddress() {
        if (device == null) {
            throw new IllegalStateException("not a mapped buffer");
        }
        return device;
    }

    public boolean mapped() {
        return device != null;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            Cuda.check(Native.hostFree(host), "cudaFreeHost");
        }
    }
}
