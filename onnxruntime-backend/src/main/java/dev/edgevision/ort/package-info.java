/**
 * CPU inference through ONNX Runtime: the backend that serves wherever no GPU is present
 * (workstations, CI, a device while its TensorRT engine builds), and the reference other
 * backends are validated against.
 */
package dev.edgevision.ort;
