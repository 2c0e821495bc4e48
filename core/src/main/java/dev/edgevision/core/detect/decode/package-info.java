/**
 * Decoding detector outputs, as a detection bundle's manifest declares it, into boxes.
 *
 * <p>A detection manifest ({@code "task": "detection"}) carries, besides its input and labels:
 * <pre>
 * "outputs": [{"name": "output0", "shape": [-1, 84, 8400]}],
 * "decoder": {"type": "yolov8", "output": "output0",
 *             "parameters": {"score_threshold": 0.25, "iou_threshold": 0.45, "max_detections": 100}}
 * </pre>
 * {@code decoder.type} is one of:
 * <ul>
 *   <li>{@code yolo2}: this project's own detector (DL4J {@code Yolo2OutputLayer} conventions), one
 *       output {@code [N, A*(5+C), GH, GW]} of raw values; parameters {@code anchors}
 *       {@code [[w, h], ...]} in grid units (required), {@code grid} {@code [GW, GH]} and
 *       {@code stride} {@code [sx, sy]} in input pixels per cell (both inferred when absent);</li>
 *   <li>{@code yolov5}: one output {@code [N, B, 5+C]}: cx, cy, w, h in input pixels, objectness,
 *       C class scores;</li>
 *   <li>{@code yolov8}: one output {@code [N, 4+C, B]} (or {@code [N, B, 4+C]}): cx, cy, w, h in
 *       input pixels, C class scores;</li>
 *   <li>{@code ssd}: two outputs, {@code boxes_output} {@code [N, B, 4]} and {@code scores_output}
 *       {@code [N, B, C]} (C + 1 with a background column); parameters {@code box_format}
 *       ({@code xyxy} or {@code yxyx}), {@code normalized} (true: fractions of the input size),
 *       {@code background_class} (column index, or -1 for none).</li>
 * </ul>
 * Every type also reads {@code score_threshold} (default 0.25), {@code iou_threshold} (0.45) and
 * {@code max_detections} (100). C is the number of labels. Keys are snake_case; an unknown key, a
 * value out of range or an output shape that does not fit the type is refused once, when the
 * detector is made, with an error naming the bundle, the key or output, and the shape expected.
 *
 * <p>Decoders produce candidates in model-input pixels; {@link dev.edgevision.core.detect.decode.ClassAwareNms}
 * suppresses overlaps within each class; {@link dev.edgevision.core.inference.ObjectDetector} maps
 * the survivors to source-frame pixels through {@link dev.edgevision.core.preprocess.ResizeGeometry}.
 */
package dev.edgevision.core.detect.decode;
