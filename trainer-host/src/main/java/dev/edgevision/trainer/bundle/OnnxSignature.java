package dev.edgevision.trainer.bundle;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The inputs and outputs of an ONNX graph as ONNX Runtime reads them (names, element types, shapes
 * with -1 for symbolic dimensions), and the concrete output shapes of one run on zeros, which is
 * how the sizes a graph only knows symbolically (boxes of a dynamic-size YOLO export) are found.
 */
final class OnnxSignature implements AutoCloseable {
    /**
     * One input or output.
     *
     * @param shape dimensions, -1 where symbolic
     * @param type ONNX Runtime's element type, or the value kind when it is not a tensor
     */
    record Tensor(String name, long[] shape, boolean isFloat, String type) {
        String shapeText() {
            return Arrays.toString(shape);
        }
    }

    private final Path file;
    private final OrtEnvironment environment = OrtEnvironment.getEnvironment();
    private final OrtSession session;
    private final List<Tensor> inputs;
    private final List<Tensor> outputs;

    private OnnxSignature(Path file, OrtSession session) throws OrtException {
        this.file = file;
        this.session = session;
        this.inputs = describe(session.getInputInfo());
        this.outputs = describe(session.getOutputInfo());
    }

    /** Loads {@code onnx} (read from {@code file}) into a one-thread session. */
    static OnnxSignature read(Path file, byte[] onnx) throws ForeignModelException {
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            return new OnnxSignature(file, environment.createSession(onnx, options));
        } catch (OrtException e) {
            throw new ForeignModelException(file + ": ONNX Runtime cannot load it as an ONNX model ("
                    + firstLine(e.getMessage()) + "); give the .onnx file the training framework exported");
        }
    }

    List<Tensor> inputs() {
        return inputs;
    }

    List<Tensor> outputs() {
        return outputs;
    }

    /** Runs one sample of zeros of {@code inputShape}; returns the shapes of {@code names}. */
    Map<String, long[]> probe(long[] inputShape, Set<String> names) throws ForeignModelException {
        int count = (int) Arrays.stream(inputShape).reduce(1, (a, b) -> a * b);
        Map<String, long[]> shapes = new LinkedHashMap<>();
        try (OnnxTensor zeros = OnnxTensor.createTensor(environment, FloatBuffer.allocate(count), inputShape);
             OrtSession.Result result = session.run(Map.of(inputs.get(0).name(), zeros), names)) {
            for (String name : names) {
                OnnxValue value = result.get(name).orElseThrow();
                shapes.put(name, ((TensorInfo) value.getInfo()).getShape());
            }
        } catch (OrtException | RuntimeException e) {
            throw new ForeignModelException(file + ": a test run on an input of shape " + Arrays.toString(inputShape)
                    + " failed (" + firstLine(e.getMessage()) + "); check --input-size against the size the model"
                    + " was exported for");
        }
        return shapes;
    }

    private static List<Tensor> describe(Map<String, NodeInfo> infos) {
        List<Tensor> tensors = new ArrayList<>();
        for (NodeInfo info : infos.values()) {
            if (info.getInfo() instanceof TensorInfo t) {
                tensors.add(new Tensor(info.getName(), t.getShape(), t.type == OnnxJavaType.FLOAT,
                        t.type.name().toLowerCase(java.util.Locale.ROOT)));
            } else {
                tensors.add(new Tensor(info.getName(), new long[0], false, info.getInfo().getClass().getSimpleName()));
            }
        }
        return List.copyOf(tensors);
    }

    private static String firstLine(String message) {
        return message == null ? "no reason given" : message.lines().findFirst().orElse(message);
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
