package dev.edgevision.core.testing;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.TreeSet;

/**
 * Tiny ONNX graphs for tests, written straight as protobuf bytes (IR 7, opset 13), so that every
 * module can make a "foreign" model without ONNX libraries: one float image input and outputs
 * whose values are fixed tensors the test chooses. Each output is {@code input mean * 0 + constant},
 * so it depends on the input and follows its batch size.
 */
public final class TinyOnnx {
    /** ONNX element type of float32. */
    static final int FLOAT = 1;

    /**
     * An output of the graph.
     *
     * @param name tensor name
     * @param dims sample dimensions (batch left out)
     * @param values row-major values of one sample
     */
    public record Output(String name, int[] dims, float[] values) {
    }

    private TinyOnnx() {
    }

    /**
     * A graph with a float NCHW input {@code inputName} of {@code [batch, channels, height, width]}
     * (batch symbolic when {@code dynamicBatch}, else 1) and the given constant outputs.
     */
    public static byte[] constantOutputs(String inputName, int channels, int height, int width, boolean dynamicBatch,
            List<Output> outputs) {
        return constantOutputs(inputName, valueInfo(inputName, FLOAT, dynamicBatch, channels, height, width),
                dynamicBatch, outputs);
    }

    /** As {@link #constantOutputs}, with a float input whose height and width are symbolic (any size). */
    public static byte[] anySize(String inputName, int channels, List<Output> outputs) {
        Proto shape = new Proto();
        shape.message(1, new Proto().string(2, "batch"));
        shape.message(1, new Proto().varint(1, channels));
        shape.message(1, new Proto().string(2, "height"));
        shape.message(1, new Proto().string(2, "width"));
        Proto info = new Proto().string(1, inputName)
                .message(2, new Proto().message(1, new Proto().varint(1, FLOAT).message(2, shape)));
        return constantOutputs(inputName, info, true, outputs);
    }

    private static byte[] constantOutputs(String inputName, Proto inputInfo, boolean dynamicBatch,
            List<Output> outputs) {
        Proto graph = new Proto().string(2, "tiny-detector");
        graph.message(11, inputInfo);
        graph.message(1, node("ReduceMean", List.of(inputName), "mean", ints("axes", 1, 2, 3), integer("keepdims", 1)));
        graph.message(5, floatTensor("zero", new int[] {1}, new float[] {0}));
        TreeSet<Integer> ranks = new TreeSet<>();
        for (Output o : outputs) {
            ranks.add(o.dims().length + 1);
        }
        for (int rank : ranks) {
            long[] shape = new long[rank];
            java.util.Arrays.fill(shape, 1);
            shape[0] = -1;
            graph.message(5, int64Tensor("shape" + rank, shape));
            graph.message(1, node("Reshape", List.of("mean", "shape" + rank), "mean" + rank));
            graph.message(1, node("Mul", List.of("mean" + rank, "zero"), "nothing" + rank));
        }
        for (Output o : outputs) {
            int[] full = new int[o.dims().length + 1];
            full[0] = 1;
            System.arraycopy(o.dims(), 0, full, 1, o.dims().length);
            graph.message(5, floatTensor(o.name() + "_values", full, o.values()));
            graph.message(1, node("Add", List.of("nothing" + full.length, o.name() + "_values"), o.name()));
            graph.message(12, valueInfo(o.name(), FLOAT, dynamicBatch, o.dims()));
        }
        return new Proto().varint(1, 7).string(2, "edgevision-tests").message(7, graph)
                .message(8, new Proto().varint(2, 13)).bytes();
    }

    private static Proto node(String op, List<String> inputs, String output, Proto... attributes) {
        Proto node = new Proto();
        inputs.forEach(i -> node.string(1, i));
        node.string(2, output).string(3, output).string(4, op);
        for (Proto a : attributes) {
            node.message(5, a);
        }
        return node;
    }

    private static Proto ints(String name, long... values) {
        Proto a = new Proto().string(1, name).varint(20, 7);
        for (long v : values) {
            a.varint(8, v);
        }
        return a;
    }

    private static Proto integer(String name, long value) {
        return new Proto().string(1, name).varint(20, 2).varint(3, value);
    }

    private static Proto floatTensor(String name, int[] dims, float[] values) {
        ByteBuffer raw = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        raw.asFloatBuffer().put(values);
        Proto t = new Proto();
        for (int d : dims) {
            t.varint(1, d);
        }
        return t.varint(2, FLOAT).string(8, name).raw(9, raw.array());
    }

    private static Proto int64Tensor(String name, long[] values) {
        ByteBuffer raw = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        raw.asLongBuffer().put(values);
        return new Proto().varint(1, values.length).varint(2, 7).string(8, name).raw(9, raw.array());
    }

    /** A tensor value's declaration: element type and shape, batch first. */
    static Proto valueInfo(String name, int elemType, boolean dynamicBatch, int... sampleDims) {
        Proto shape = new Proto();
        shape.message(1, dynamicBatch ? new Proto().string(2, "batch") : new Proto().varint(1, 1));
        for (int d : sampleDims) {
            shape.message(1, new Proto().varint(1, d));
        }
        Proto tensorType = new Proto().varint(1, elemType).message(2, shape);
        return new Proto().string(1, name).message(2, new Proto().message(1, tensorType));
    }

    /** A protobuf message being written: fields appended in order. */
    static final class Proto {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Proto varint(int field, long value) {
            tag(field, 0);
            writeVarint(value);
            return this;
        }

        Proto string(int field, String value) {
            return raw(field, value.getBytes(StandardCharsets.UTF_8));
        }

        Proto message(int field, Proto message) {
            return raw(field, message.bytes());
        }

        Proto raw(int field, byte[] value) {
            tag(field, 2);
            writeVarint(value.length);
            out.writeBytes(value);
            return this;
        }

        byte[] bytes() {
            return out.toByteArray();
        }

        private void tag(int field, int wireType) {
            writeVarint(((long) field << 3) | wireType);
        }

        private void writeVarint(long value) {
            long v = value;
            while ((v & ~0x7FL) != 0) {
                out.write((int) ((v & 0x7F) | 0x80));
                v >>>= 7;
            }
            out.write((int) v);
        }
    }
}
