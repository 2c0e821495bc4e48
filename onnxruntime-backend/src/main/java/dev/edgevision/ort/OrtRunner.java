package dev.edgevision.ort;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.edgevision.core.detect.DetectorException;
import dev.edgevision.core.inference.ModelRunner;
import dev.edgevision.core.model.ModelBundle;
import dev.edgevision.core.model.ModelManifest;
import dev.edgevision.core.model.OutputSpec;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A bundle's model on ONNX Runtime's CPU provider, as a {@link ModelRunner}: input and output live
 * in direct buffers allocated once, and the tensors over them for each batch size are made on first
 * use and kept, so a run allocates no frame-sized memory.
 */
public final class OrtRunner implements ModelRunner {
    /** Backend name in records and status. */
    public static final String BACKEND = "onnxruntime-cpu";

    private final OrtEnvironment environment = OrtEnvironment.getEnvironment();
    private final OrtSession session;
    private final String inputName;
    private final String outputName;
    private final long[] inputSample;
    private final long[] outputSample;
    private final int maxBatch;
    private final float[] input;
    private final float[] output;
    private final FloatBuffer inputBuffer;
    private final FloatBuffer outputBuffer;
    private final Map<Integer, OnnxTensor[]> tensors = new HashMap<>();

    /**
     * Loads {@code bundle}'s graph.
     *
     * @param maxBatch most samples one run takes
     * @param threads intra-op threads, 0 for ONNX Runtime's default
     */
    public OrtRunner(ModelBundle bundle, int maxBatch, int threads) throws DetectorException {
        ModelManifest manifest = bundle.manifest();
        this.maxBatch = maxBatch;
        this.inputName = manifest.input().name();
        this.outputName = manifest.decoder().output();
        this.inputSample = sample(manifest.input().shape());
        OutputSpec out = manifest.outputs().stream().filter(o -> o.name().equals(outputName)).findFirst()
                .orElseThrow();
        this.outputSample = sample(out.shape());
        this.input = new float[maxBatch * (int) product(inputSample)];
        this.output = new float[maxBatch * (int) product(outputSample)];
        this.inputBuffer = direct(input.length);
        this.outputBuffer = direct(output.length);
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            if (threads > 0) {
                options.setIntraOpNumThreads(threads);
            }
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            this.session = environment.createSession(bundle.modelBytes(), options);
        } catch (OrtException e) {
            throw new DetectorException(bundle.path() + ": ONNX Runtime cannot load the model: " + e.getMessage(), e);
        }
        if (!session.getInputNames().contains(inputName) || !session.getOutputNames().contains(outputName)) {
            String problem = bundle.path() + ": the manifest names input '" + inputName + "' and output '"
                    + outputName + "' but the graph has inputs " + session.getInputNames() + " and outputs "
                    + session.getOutputNames() + "; fix the manifest (trainer bundle)";
            close();
            throw new DetectorException(problem);
        }
    }

    private static long[] sample(List<Integer> shape) {
        long[] dims = new long[shape.size() - 1];
        for (int i = 1; i < shape.size(); i++) {
            dims[i - 1] = shape.get(i);
        }
        return dims;
    }

    private static long product(long[] dims) {
        long p = 1;
        for (long d : dims) {
            p *= d;
        }
        return p;
    }

    private static FloatBuffer direct(int floats) {
        return ByteBuffer.allocateDirect(floats * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
    }

    @Override
    public String backend() {
        return BACKEND;
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
        if (batch < 1 || batch > maxBatch) {
            throw new IllegalArgumentException("batch " + batch + " is outside 1.." + maxBatch);
        }
        int inCount = batch * (int) product(inputSample);
        int outCount = batch * (int) product(outputSample);
        inputBuffer.clear();
        inputBuffer.put(input, 0, inCount);
        try {
            OnnxTensor[] pair = tensorsFor(batch);
            session.run(Map.of(inputName, pair[0]), Map.of(outputName, pair[1])).close();
        } catch (OrtException e) {
            throw new DetectorException("ONNX Runtime failed to run the model: " + e.getMessage(), e);
        }
        outputBuffer.clear();
        outputBuffer.get(output, 0, outCount);
        return output;
    }

    private OnnxTensor[] tensorsFor(int batch) throws OrtException {
        OnnxTensor[] pair = tensors.get(batch);
        if (pair == null) {
            pair = new OnnxTensor[] {
                OnnxTensor.createTensor(environment, view(inputBuffer, batch * product(inputSample)), shape(batch, inputSample)),
                OnnxTensor.createTensor(environment, view(outputBuffer, batch * product(outputSample)), shape(batch, outputSample))};
            tensors.put(batch, pair);
        }
        return pair;
    }

    private static FloatBuffer view(FloatBuffer buffer, long count) {
        FloatBuffer view = buffer.duplicate();
        view.clear();
        view.limit((int) count);
        return view.slice();
    }

    private static long[] shape(int batch, long[] sample) {
        long[] dims = new long[sample.length + 1];
        dims[0] = batch;
        System.arraycopy(sample, 0, dims, 1, sample.length);
        return dims;
    }

    @Override
    public void close() {
        tensors.values().forEach(pair -> {
            pair[0].close();
            pair[1].close();
        });
        tensors.clear();
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("closing the ONNX Runtime session failed", e);
        }
    }
}
