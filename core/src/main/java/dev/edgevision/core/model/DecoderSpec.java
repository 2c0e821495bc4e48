package dev.edgevision.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * How a device turns the output tensors into labelled results.
 *
 * @param type for classifiers {@code softmax} (the output already holds class probabilities) or
 *     {@code logits} (the output needs a softmax); for detectors ({@code task: detection})
 *     {@code yolo2} (this project's own, DL4J Yolo2OutputLayer conventions), {@code yolov5},
 *     {@code yolov8} or {@code ssd}: see {@link dev.edgevision.core.detect.decode} for their
 *     output layouts and parameters
 * @param output name of the output tensor the decoder reads (for {@code ssd}, one of its two)
 * @param parameters decoder-specific settings, snake_case keys: for detectors {@code score_threshold},
 *     {@code iou_threshold}, {@code max_detections}; {@code anchors}, {@code grid}, {@code stride}
 *     ({@code yolo2}); {@code boxes_output}, {@code scores_output}, {@code box_format},
 *     {@code normalized}, {@code background_class} ({@code ssd}); for classifiers
 *     {@code reject_label}, the label of a class meaning "none of the others" (a mark that is not a
 *     digit): results of that class are never reported
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record DecoderSpec(String type, String output, Map<String, Object> parameters) {
    /** The parameter naming a classifier's reject class. */
    public static final String REJECT_LABEL = "reject_label";

    /** The reject class's label, or null when the model has none (or the parameter is not text). */
    public String rejectLabel() {
        Object value = parameters == null ? null : parameters.get(REJECT_LABEL);
        return value instanceof String text ? text : null;
    }
}
