package dev.edgevision.core.detect;

/**
 * Milliseconds spent per stage of one frame, from glass (capture) to the result.
 *
 * @param capture from the capture time stamp to the pipeline taking the frame
 * @param preprocess resize, colour, normalisation into the input tensor
 * @param inference the backend's run
 * @param postprocess decoding outputs into detections
 * @param total from capture to the record being ready
 */
public record StageTimings(double capture, double preprocess, double inference, double postprocess, double total) {
}
