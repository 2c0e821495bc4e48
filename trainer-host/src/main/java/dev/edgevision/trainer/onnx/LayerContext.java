package dev.edgevision.trainer.onnx;

import java.util.Arrays;
import org.deeplearning4j.nn.api.Layer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One layer of the network being exported, with the graph it is exported into: the layer's
 * configuration and trained parameters, the names its tensors get, and its errors.
 */
final class LayerContext {
    private final int index;
    private final Layer layer;
    private final OnnxGraphBuilder graph;

    LayerContext(int index, Layer layer, OnnxGraphBuilder graph) {
        this.index = index;
        this.layer = layer;
        this.graph = graph;
    }

    OnnxGraphBuilder graph() {
        return graph;
    }

    /** The layer's DL4J configuration. */
    org.deeplearning4j.nn.conf.layers.Layer conf() {
        return layer.conf().getLayer();
    }

    /** The layer's configuration, cast to the type its exporter was chosen for. */
    <T extends org.deeplearning4j.nn.conf.layers.Layer> T conf(Class<T> type) {
        return type.cast(conf());
    }

    /** The simple name of the layer's configuration class, e.g. {@code ConvolutionLayer}. */
    String typeName() {
        return conf().getClass().getSimpleName();
    }

    /** A tensor name for this layer, e.g. {@code layer3_conv} for kind {@code conv}. */
    String name(String kind) {
        return "layer" + index + "_" + kind;
    }

    /**
     * A trained parameter ({@code W}, {@code b}, {@code mean}, ...) as row-major floats, checked
     * to have the {@code expected} shape (dimensions of size 1 aside, so a {@code [1, n]} bias
     * matches {@code [n]}).
     */
    float[] param(String key, long... expected) throws OnnxExportException {
        INDArray value = layer.getParam(key);
        if (value == null) {
            throw fail("has no parameter '" + key + "' (it has " + layer.paramTable().keySet() + ")");
        }
        if (!Arrays.equals(withoutUnitDims(value.shape()), withoutUnitDims(expected))) {
            throw fail("parameter '" + key + "' has shape " + Arrays.toString(value.shape())
                    + ", expected " + Arrays.toString(expected));
        }
        return Nd4j.toFlattened('c', value).castTo(DataType.FLOAT).toFloatVector();
    }

    /** An exception naming this layer: "layer 3 (LSTM): {@code problem}". */
    OnnxExportException fail(String problem) {
        return OnnxExportException.atLayer(index, typeName(), problem);
    }

    private static long[] withoutUnitDims(long[] shape) {
        return Arrays.stream(shape).filter(d -> d != 1).toArray();
    }
}
