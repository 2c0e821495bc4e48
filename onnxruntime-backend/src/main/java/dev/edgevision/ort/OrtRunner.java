package dev.edgevision.ort;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.edgevision.core.detect.DetectorException;
import dev.edgevision.core.inference.ModelRunner;
import dev.edgevision.core.inference.RunnerOutputs;
import dev.edgevision.core.model.ModelBundle;
import dev.edgevision.core.model.ModelManifest;
import dev.edgevision.core.model.OutputSpec;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
    private final int maxBatch;
    private final float[] input;
    private final FloatBuffer inputBuffer;
    private final long[][] outputSamples;
    private final RunnerOutputs outputs;
    private final FloatBuffer[] outputBuffers;
    private final Map<Integer, Bound> tensors = new HashMap<>();

    /** The input tensor and the pinned output tensors for one batch size. */
    private record Bound(OnnxTensor input, Map<String, OnnxTensor> outputs) {
    }

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
        List<String> outputNames = manifest.outputs().stream().map(OutputSpec::name).toList();
        this.outputSamples = new long[outputNames.size()][];
        this.outputBuffers = new FloatBuffer[outputNames.size()];
        int[] outputSizes = new int[outputNames.size()];
        for (int i = 0; i < outputNames.size(); i++) {
            outputSamples[i] = sample(manifest.outputs().get(i).shape());
            outputSizes[i] = (int) product(outputSamples[i]);
            outputBuffers[i] = direct(maxBatch * outputSizes[i]);
        }
        this.outputs = new RunnerOutputs(outputNames, outputSizes, maxBatch);
        this.input = new float[maxBatch * (int) product(inputSample)];
        this.inputBuffer = direct(input.length);
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            if (threads > 0) {
                options.setIntraOpNumThreads(threads);
            }
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            // Measurement knob (appliance bench): whether idle intra-op threads spin; ONNX Runtime's default is to spin.
            String spinning = System.getProperty("edgevision.ort.spinning");
            if (spinning != null) {
                options.addConfigEntry("session.intra_op.allow_spinning", Boolean.parseBoolean(spinning) ? "1" : "0");
            }
            this.session = environment.createSession(bundle.modelBytes(), options);
        } catch (OrtException e) {
            throw new DetectorException(bundle.path() + ": ONNX Runtime cannot load the model: " + e.getMessage(), e);
        }
        if (!session.getInputNames().contains(inputName) || !session.getOutputNames().containsAll(outputNames)) {
            String problem = bundle.path() + ": the manifest names input '" + inputName + "' and output '"
                    + String.join("', '", outputNames) + "' but the graph has inputs " + session.getInputNames() + " and outputs "
                    + session.getOutputNames() + "; fix the manifest (trainer bundle)";
            close();
            throw new DetectorException(problem);
        }
        String mismatch = GraphShapes.mismatch(session, manifest);
        if (mismatch != null) {
            close();
            throw new DetectorException(bundle.path() + ": " + mismatch + "; the bundle's manifest does not describe"
                    + " its graph: fix the manifest (trainer bundle), the images are not at fault");
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
        ModelRunner.checkBatch(batch, maxBatch);
        int inCount = batch * (int) product(inputSample);
        inputBuffer.clear();
        inputBuffer.put(input, 0, inCount);
        try {
            Bound bound = tensorsFor(batch);
            session.run(Map.of(inputName, bound.input()), bound.outputs()).close();
        } catch (OrtException e) {
            throw new DetectorException("ONNX Runtime failed to run the model: " + e.getMessage(), e);
        }
        for (int i = 0; i < outputs.count(); i++) {
            outputBuffers[i].clear();
            outputBuffers[i].get(outputs.array(i), 0, batch * outputs.sampleSize(i));
        }
        return outputs.output(outputName);
    }

    @Override
    public float[] output(String name) {
        return outputs.output(name);
    }

    private Bound tensorsFor(int batch) throws OrtException {
        Bound bound = tensors.get(batch);
        if (bound == null) {
            Map<String, OnnxTensor> pinned = new LinkedHashMap<>();
            for (int i = 0; i < outputs.count(); i++) {
                pinned.put(outputs.names().get(i), OnnxTensor.createTensor(environment,
                        view(outputBuffers[i], batch * product(outputSamples[i])), shape(batch, outputSamples[i])));
            }
            bound = new Bound(OnnxTensor.createTensor(environment, view(inputBuffer, batch * product(inputSample)),
                    shape(batch, inputSample)), pinned);
            tensors.put(batch, bound);
        }
        return bound;
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
        tensors.values().forEach(bound -> {
            bound.input().close();
            bound.outputs().values().forEach(OnnxTensor::close);
        });
        tensors.clear();
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("closing the ONNX Runtime session failed", e);
        }
    }
}
