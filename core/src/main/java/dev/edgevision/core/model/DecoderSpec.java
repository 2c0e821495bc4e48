package dev.edgevision.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * How a device turns the output tensors into labelled results.
 *
 * @param type {@code softmax} (classifier whose output already holds class probabilities) or
 *     {@code logits} (classifier whose output needs a softmax); detector types come with the
 *     detector issue
 * @param output name of the output tensor the decoder reads
 * @param parameters decoder-specific settings (grid, anchors, thresholds for detectors)
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record DecoderSpec(String type, String output, Map<String, Object> parameters) {
}
