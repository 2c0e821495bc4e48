package dev.edgevision.ort;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Map;

/**
 * One ONNX graph loaded into an ONNX Runtime session, run on float tensors.
 *
 * <p>Failures to load or run become {@link OrtModelException} with ONNX Runtime's reason.
 * A session is safe to run from one thread at a time; close it to free its native memory.
 */
public final class OrtModel implements AutoCloseable {
    private final OrtEnvironment environment;
    private final OrtSession session;
    private final String inputName;

    private OrtModel(OrtEnvironment environment, OrtSession session) throws OrtException {
        this.environment = environment;
        this.session = session;
        this.inputName = session.getInputNames().iterator().next();
    }

    /**
     * Loads an ONNX graph.
     *
     * @param onnx the serialised graph
     * @param threads intra-op threads, or 0 for ONNX Runtime's default (one per physical core, by its documentation)
     */
    public static OrtModel load(byte[] onnx, int threads) throws OrtModelException {
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            if (threads > 0) {
                options.setIntraOpNumThreads(threads);
            }
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            return new OrtModel(environment, environment.createSession(onnx, options));
        } catch (OrtException e) {
            throw new OrtModelException("ONNX Runtime cannot load the model: " + e.getMessage(), e);
        }
    }

    /** Name of the graph's (first) input. */
    public String inputName() {
        return inputName;
    }

    /**
     * Runs the graph on one input tensor and returns the named output, flattened.
     *
     * @param input values in the input's layout, batch first
     * @param shape the input's shape, batch first
     * @param outputName which output to return
     */
    public float[] run(float[] input, long[] shape, String outputName) throws OrtModelException {
        long expected = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        if (expected != input.length) {
            throw new IllegalArgumentException("input holds " + input.length + " values, shape "
                    + Arrays.toString(shape) + " needs " + expected);
        }
        try (OnnxTensor tensor = OnnxTensor.createTensor(environment, FloatBuffer.wrap(input), shape);
             OrtSession.Result result = session.run(Map.of(inputName, tensor))) {
            OnnxValue value = result.get(outputName).orElseThrow(() -> new OrtModelException(
                    "the model has no output named '" + outputName + "' (it has " + session.getOutputNames() + ")"));
            FloatBuffer out = ((OnnxTensor) value).getFloatBuffer();
            float[] values = new float[out.remaining()];
            out.get(values);
            return values;
        } catch (OrtException e) {
            throw new OrtModelException("ONNX Runtime failed to run the model: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("closing the ONNX Runtime session failed", e);
        }
    }
}
