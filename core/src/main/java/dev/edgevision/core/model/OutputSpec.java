package dev.edgevision.core.model;

import java.util.List;

/**
 * One output tensor of the model.
 *
 * @param name tensor name in the ONNX graph
 * @param shape dimensions with batch first; a batch of -1 means any batch size
 */
public record OutputSpec(String name, List<Integer> shape) {
}
