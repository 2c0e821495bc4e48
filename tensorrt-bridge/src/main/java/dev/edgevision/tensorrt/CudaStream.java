package dev.edgevision.tensorrt;

import org.bytedeco.cuda.cudart.CUstream_st;

/** A CUDA stream: one per pipeline, so pipelines never wait for each other's copies and kernels. */
public final class CudaStream implements AutoCloseable {
    private final CUstream_st stream = new CUstream_st();
    private boolean closed;

    /** Creates a stream on the current device. */
    public CudaStream() {
        Cuda.check(Native.streamCreate(stream), "cudaStreamCreate");
    }

    CUstream_st handle() {
        return stream;
    }

    /** Waits until everything queued on the stream has run. */
    public void synchronize() {
        Cuda.check(Native.streamSynchronize(stream), "cudaStreamSynchronize");
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            Cuda.check(Native.streamDestroy(stream), "cudaStreamDestroy");
        }
    }
}
