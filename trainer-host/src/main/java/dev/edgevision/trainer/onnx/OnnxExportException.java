package dev.edgevision.trainer.onnx;

/**
 * A network cannot be exported to ONNX: it holds a layer, an input preprocessor or a setting the
 * exporter does not translate, or the {@link ExportSpec} does not fit the network.
 *
 * <p>The message names the offending layer by index and type and says what is unsupported, for
 * example {@code layer 2 (LSTM): this layer type is not supported; supported: ...}.
 */
public class OnnxExportException extends Exception {
    public OnnxExportException(String message) {
        super(message);
    }

    /**
     * A problem with one layer of the network.
     *
     * @param index the layer's index in the network
     * @param layerType what the layer is, usually its DL4J configuration class's simple name
     * @param problem what cannot be exported, as a sentence fragment
     */
    public static OnnxExportException atLayer(int index, String layerType, String problem) {
        return new OnnxExportException("layer " + index + " (" + layerType + "): " + problem);
    }
}
