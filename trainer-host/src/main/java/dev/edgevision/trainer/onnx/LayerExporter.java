package dev.edgevision.trainer.onnx;

/** Translates one kind of DL4J layer into ONNX nodes appended to the graph. */
@FunctionalInterface
interface LayerExporter {
    /**
     * Emits the layer's nodes and initializers.
     *
     * @param layer the layer, its parameters and the graph to extend
     * @param input the tensor the layer consumes
     * @return the tensor the layer produces
     */
    GraphValue export(LayerContext layer, GraphValue input) throws OnnxExportException;
}
