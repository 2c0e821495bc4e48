package dev.edgevision.trainer.quantize;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import onnx.Onnx.TensorProto;
import org.nd4j.shade.protobuf.ByteString;

/** Reads float initializers and makes the float, int8, uint8 and int32 tensors of a QDQ graph. */
final class Tensors {
    private Tensors() {
    }

    /** The values of a float tensor, from raw little-endian bytes or the repeated field. */
    static float[] floats(TensorProto tensor) {
        if (tensor.getDataType() != TensorProto.DataType.FLOAT_VALUE) {
            throw new IllegalArgumentException("initializer '" + tensor.getName() + "' is not float32");
        }
        if (!tensor.getRawData().isEmpty()) {
            float[] values = new float[tensor.getRawData().size() / Float.BYTES];
            tensor.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
            return values;
        }
        float[] values = new float[tensor.getFloatDataCount()];
        for (int i = 0; i < values.length; i++) {
            values[i] = tensor.getFloatData(i);
        }
        return values;
    }

    static long[] dims(TensorProto tensor) {
        return tensor.getDimsList().stream().mapToLong(Long::longValue).toArray();
    }

    static TensorProto floats(String name, long[] dims, float... values) {
        ByteBuffer bytes = ByteBuffer.allocate(Float.BYTES * values.length).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(values);
        return tensor(name, dims, TensorProto.DataType.FLOAT_VALUE, bytes.array());
    }

    static TensorProto int8(String name, long[] dims, byte[] values) {
        return tensor(name, dims, TensorProto.DataType.INT8_VALUE, values);
    }

    static TensorProto uint8(String name, long[] dims, byte[] values) {
        return tensor(name, dims, TensorProto.DataType.UINT8_VALUE, values);
    }

    static TensorProto int32(String name, long[] dims, int[] values) {
        ByteBuffer bytes = ByteBuffer.allocate(Integer.BYTES * values.length).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asIntBuffer().put(values);
        return tensor(name, dims, TensorProto.DataType.INT32_VALUE, bytes.array());
    }

    private static TensorProto tensor(String name, long[] dims, int dataType, byte[] littleEndian) {
        TensorProto.Builder tensor = TensorProto.newBuilder().setName(name).setDataType(dataType)
                .setRawData(ByteString.copyFrom(littleEndian));
        for (long dim : dims) {
            tensor.addDims(dim);
        }
        return tensor.build();
    }
}
