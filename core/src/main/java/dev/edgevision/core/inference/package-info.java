/**
 * The seam between the pipeline and the backends: a {@link dev.edgevision.core.inference.ModelRunner}
 * runs a model's graph on buffers it allocated once (ONNX Runtime on a CPU, TensorRT on a GPU), and
 * the detectors here turn frames into its input and its output into detections, the same way for
 * every backend.
 */
package dev.edgevision.core.inference;
