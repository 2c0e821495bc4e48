/**
 * Export of trained Deeplearning4j networks to ONNX, the format the device runtimes (TensorRT,
 * ONNX Runtime) load.
 *
 * <p>{@link dev.edgevision.trainer.onnx.OnnxExporter} translates a
 * {@link org.deeplearning4j.nn.multilayer.MultiLayerNetwork} layer by layer into an ONNX graph
 * (IR version 7, opset 13) whose weights are initializers and whose batch dimension is symbolic.
 * It writes the graph with the ONNX protobuf classes that ship inside nd4j-api.
 */
package dev.edgevision.trainer.onnx;
