package dev.edgevision.tensorrt;

import dev.edgevision.core.detect.DetectorException;
import dev.edgevision.core.inference.ModelRunner;
import dev.edgevision.core.inference.RunnerOutputs;
import org.bytedeco.tensorrt.nvinfer.Dims64;
import org.bytedeco.tensorrt.nvinfer.IExecutionContext;

/**
 * A TensorRT engine run by one pipeline: its own execution context and CUDA stream, and input and
 * output buffers for the largest batch allocated once. Tensor addresses are set once; a run copies
 * the input into pinned memory, copies it to the GPU asynchronously, enqueues the engine
 * ({@code enqueueV3}), copies the outputs back and waits for the stream. With mapped host memory
 * (Jetson) the engine reads and writes the pinned buffers directly and both copies disappear. A
 * run allocates nothing. Used from one thread; freed in reverse order of creation.
 */
public final class TrtRunner implements ModelRunner {
    private final String backend;
    private final String inputName;
    private final String decoded;
    private final int maxBatch;
    private final int inputSample;
    private final float[] input;
    private final RunnerOutputs outputs;
    private final CudaStream stream;
    private final PinnedBuffer hostIn;
    private final DeviceMemory deviceIn;
    private final PinnedBuffer[] hostOut;
    private final DeviceMemory[] deviceOut;
    private final IExecutionContext context;
    private final Dims64 shape;
    private final long[] dims;
    private final NativeHandles handles;
    private int shapeBatch = -1;

    TrtRunner(TrtEngine engine) {
        TrtLibrary library = TrtLibrary.get();
        this.handles = new NativeHandles(library.log());
        this.backend = engine.backend();
        this.inputName = engine.recipe().profile().name();
        this.decoded = engine.decoderOutput();
        this.maxBatch = engine.recipe().profile().max();
        this.inputSample = (int) engine.recipe().profile().sampleSize();
        this.input = new float[maxBatch * inputSample];
        this.outputs = new RunnerOutputs(engine.outputNames(), engine.outputSamples(), maxBatch);
        this.hostOut = new PinnedBuffer[outputs.count()];
        this.deviceOut = new DeviceMemory[outputs.count()];
        boolean mapped = engine.mapped();
        try {
            stream = handles.add(new CudaStream());
            hostIn = handles.add(new PinnedBuffer(input.length, mapped, "the input of " + backend));
            deviceIn = mapped ? null : handles.add(new DeviceMemory((long) input.length * Float.BYTES, "the input"));
            for (int i = 0; i < outputs.count(); i++) {
                String name = outputs.names().get(i);
                int length = outputs.array(i).length;
                hostOut[i] = handles.add(new PinnedBuffer(length, mapped, "output " + name));
                deviceOut[i] = mapped ? null
                        : handles.add(new DeviceMemory((long) length * Float.BYTES, "output " + name));
            }
            library.log().clearErrors();
            context = handles.add(Native.createContext(engine.handle()), "createExecutionContext (usually out of GPU"
                    + " memory: lower tensorrt.workspace_mb or use fewer cameras)");
            bind(inputName, mapped ? hostIn.deviceAddress() : deviceIn.address());
            for (int i = 0; i < outputs.count(); i++) {
                bind(outputs.names().get(i), mapped ? hostOut[i].deviceAddress() : deviceOut[i].address());
            }
            dims = engine.recipe().profile().dims(1);
            shape = handles.add(dims(dims), "Dims64");
        } catch (RuntimeException e) {
            handles.close();
            throw e;
        }
    }

    private void bind(String tensor, org.bytedeco.javacpp.Pointer address) {
        if (!Native.setTensorAddress(context, tensor, address)) {
            throw new TensorRtException("setTensorAddress refused tensor '" + tensor + "'");
        }
    }

    /** A TensorRT shape of {@code values}. */
    static Dims64 dims(long[] values) {
        Dims64 d = new Dims64();
        d.nbDims(values.length);
        for (int i = 0; i < values.length; i++) {
            d.d(i, values[i]);
        }
        return d;
    }

    @Override
    public String backend() {
        return backend;
    }

    @Override
    public int maxBatch() {
        return maxBatch;
    }

    @Override
    public float[] input() {
        return input;
    }

    @Override
    public float[] run(int batch) throws DetectorException {
        ModelRunner.checkBatch(batch, maxBatch);
        try {
            if (batch != shapeBatch) {
                shape.d(0, batch);
                if (!Native.setInputShape(context, inputName, shape)) {
                    throw new TensorRtException("setInputShape refused batch " + batch + " of '" + inputName + "'");
                }
                shapeBatch = batch;
            }
            hostIn.values().put(input, 0, batch * inputSample);
            if (deviceIn != null) {
                Cuda.check(Native.copyAsync(deviceIn.address(), hostIn.hostAddress(), 4L * batch * inputSample, true,
                        stream.handle()), "copying the input to the GPU");
            }
            if (!Native.enqueue(context, stream.handle())) {
                throw new TensorRtException("enqueueV3 failed" + TrtLibrary.get().log().errorSuffix());
            }
            for (int i = 0; deviceIn != null && i < outputs.count(); i++) {
                Cuda.check(Native.copyAsync(hostOut[i].hostAddress(), deviceOut[i].address(),
                        4L * batch * outputs.sampleSize(i), false, stream.handle()), "copying an output from the GPU");
            }
            stream.synchronize();
            for (int i = 0; i < outputs.count(); i++) {
                hostOut[i].values().get(outputs.array(i), 0, batch * outputs.sampleSize(i));
            }
        } catch (CudaException | TensorRtException e) {
            throw new DetectorException(backend + ": inference failed: " + e.getMessage(), e);
        }
        return outputs.output(decoded);
    }

    @Override
    public float[] output(String name) {
        return outputs.output(name);
    }

    /** Frees the context, the buffers and the stream, in reverse order of creation. */
    @Override
    public void close() {
        handles.close();
    }
}
