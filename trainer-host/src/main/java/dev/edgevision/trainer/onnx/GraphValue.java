package dev.edgevision.trainer.onnx;

import java.util.Arrays;

/**
 * A tensor flowing through the graph under construction: its name and the shape of one sample
 * (the batch dimension, always first and symbolic, is left out).
 */
record GraphValue(String name, long[] shape) {
    GraphValue {
        shape = shape.clone();
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    long dim(int index) {
        return shape[index];
    }

    int rank() {
        return shape.length;
    }

    boolean hasShape(long... dims) {
        return Arrays.equals(shape, dims);
    }

    String describeShape() {
        return Arrays.toString(shape);
    }
}
