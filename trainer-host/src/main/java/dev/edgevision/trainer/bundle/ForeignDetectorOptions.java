package dev.edgevision.trainer.bundle;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code trainer bundle} was told about a foreign detector. Null means "infer it from the
 * model" or "use the default".
 *
 * @param onnx the ONNX file
 * @param labels class names file (text, one per line, or a YOLO data .yaml)
 * @param decoder yolov5, yolov8, ssd or yolo2
 * @param inputSize [width, height] when the model's input size is dynamic or to confirm it
 * @param colour rgb, bgr or grayscale
 * @param resize letterbox or stretch
 * @param valueRange [low, high] pixels are scaled to
 * @param mean per-channel mean (one value for all channels, or one per channel)
 * @param std per-channel standard deviation (idem)
 * @param scoreThreshold the manifest's score_threshold
 * @param iouThreshold the manifest's iou_threshold
 * @param maxDetections the manifest's max_detections
 * @param name model name in the bundle
 * @param version model version in the bundle
 * @param output the output a single-output decoder reads, when the model has several
 * @param anchors yolo2 anchors in grid units
 * @param boxesOutput ssd: the boxes output
 * @param scoresOutput ssd: the scores output
 * @param boxFormat ssd: xyxy or yxyx
 * @param normalized ssd: whether boxes are fractions of the input size
 * @param backgroundClass ssd: the background score column, -1 for none
 */
public record ForeignDetectorOptions(
        Path onnx,
        Path labels,
        String decoder,
        int[] inputSize,
        String colour,
        String resize,
        List<Double> valueRange,
        List<Double> mean,
        List<Double> std,
        Double scoreThreshold,
        Double iouThreshold,
        Integer maxDetections,
        String name,
        String version,
        String output,
        List<List<Double>> anchors,
        String boxesOutput,
        String scoresOutput,
        String boxFormat,
        Boolean normalized,
        Integer backgroundClass) {

    /** Options with only the required parts set; the rest inferred or defaulted. */
    public static ForeignDetectorOptions of(Path onnx, Path labels, String decoder) {
        return new ForeignDetectorOptions(onnx, labels, decoder, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null);
    }
}
