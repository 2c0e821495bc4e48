package dev.edgevision.tensorrt;

import java.util.ArrayDeque;
import java.util.Deque;
import org.bytedeco.javacpp.Pointer;

/**
 * TensorRT objects created during one operation, each checked as it is made (a null object is a
 * {@link TensorRtException} carrying TensorRT's logged errors) and released in reverse order of
 * creation on close.
 */
final class NativeHandles implements AutoCloseable {
    private final Deque<Object> handles = new ArrayDeque<>();
    private final TrtLog log;

    NativeHandles(TrtLog log) {
        this.log = log;
    }

    /** Keeps {@code handle} for release; throws when TensorRT returned nothing from {@code operation}. */
    <T extends Pointer> T add(T handle, String operation) {
        if (handle == null || handle.isNull()) {
            throw new TensorRtException(operation + " failed" + log.errorSuffix());
        }
        handles.push(handle);
        return handle;
    }

    /** Keeps a closeable (a calibrator's device buffer) for release in the same order. */
    <T extends AutoCloseable> T add(T closeable) {
        handles.push(closeable);
        return closeable;
    }

    @Override
    public void close() {
        while (!handles.isEmpty()) {
            Object handle = handles.pop();
            try {
                if (handle instanceof Pointer pointer) {
                    Native.release(pointer);
                } else {
                    ((AutoCloseable) handle).close();
                }
            } catch (Exception e) {
                // releasing the rest matters more than the first failure; CUDA errors were logged by the caller
            }
        }
    }
}
