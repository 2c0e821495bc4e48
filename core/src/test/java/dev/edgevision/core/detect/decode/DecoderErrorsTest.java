package dev.edgevision.core.detect.decode;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgevision.core.model.DecoderSpec;
import dev.edgevision.core.model.ModelManifest;
import dev.edgevision.core.model.OutputSpec;
import dev.edgevision.core.testing.DetectionManifests;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A declaration that cannot work is refused once, naming the bundle, the key or output, and the shape. */
class DecoderErrorsTest {
    static final List<String> ABC = List.of("a", "b", "c");

    static void assertRefused(ModelManifest m, String... fragments) {
        DecoderException e = assertThrows(DecoderException.class, () -> Decoders.create(m, "models/odd.vbundle"));
        assertTrue(e.getMessage().startsWith("models/odd.vbundle: "), e.getMessage());
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), "'" + f + "' in: " + e.getMessage());
        }
    }

    static ModelManifest single(String type, List<Integer> shape, Map<String, Object> parameters) {
        return DetectionManifests.single(type, shape, parameters, ABC, 64, 64, "letterbox");
    }

    @Test
    void yolov8OutputWithTheWrongClassCount() {
        assertRefused(single("yolov8", List.of(-1, 84, 8400), Map.of()), "output 'output0'", "[-1, 84, 8400]",
                "expects [N, 4 + 3 classes = 7, B]");
    }

    @Test
    void yolov5OutputOfTheWrongRank() {
        assertRefused(single("yolov5", List.of(-1, 7, 10, 2), Map.of()), "output 'output0'", "[-1, 7, 10, 2]",
                "'yolov5' expects [N, B, 5 + 3 classes = 8]");
    }

    @Test
    void dynamicBoxCount() {
        assertRefused(single("yolov8", List.of(-1, 7, -1), Map.of()), "output 'output0'", "not fixed");
    }

    @Test
    void yolo2ChannelsThatAreNotAnchorsTimesFivePlusClasses() {
        assertRefused(single("yolo2", List.of(-1, 75, 2, 2), Map.of("anchors", List.of(List.of(1, 1), List.of(2, 2)))),
                "[-1, 75, 2, 2]", "2 anchors x (5 + 3 classes) = 16");
    }

    @Test
    void yolo2GridAndStrideMustFitTheOutputAndInput() {
        List<Object> anchors = List.of(List.of(1, 1));
        assertRefused(single("yolo2", List.of(-1, 8, 2, 2), Map.of("anchors", anchors, "grid", List.of(4, 4))),
                "decoder.parameters.grid", "2 x 2 grid");
        assertRefused(single("yolo2", List.of(-1, 8, 2, 2), Map.of("anchors", anchors, "stride", List.of(16, 32))),
                "decoder.parameters.stride", "input size 64 x 64");
        assertRefused(single("yolo2", List.of(-1, 8, 2, 2), Map.of()), "decoder.parameters.anchors is missing");
        assertRefused(single("yolo2", List.of(-1, 8, 2, 2), Map.of("anchors", List.of(List.of(1, -1)))),
                "decoder.parameters.anchors entry 0");
    }

    @Test
    void ssdScoresThatDoNotMatchTheLabels() {
        ModelManifest m = DetectionManifests.of(DetectionManifests.rgbInput("image", 64, 64, "stretch"),
                List.of(new OutputSpec("boxes", List.of(-1, 10, 4)), new OutputSpec("scores", List.of(-1, 10, 91))),
                new DecoderSpec("ssd", "boxes", Map.of("boxes_output", "boxes", "scores_output", "scores")), ABC);
        assertRefused(m, "output 'scores'", "[-1, 10, 91]", "[N, 10, 3] for scores_output");
    }

    @Test
    void ssdNeedsToKnowWhichOutputIsWhich() {
        ModelManifest m = DetectionManifests.of(DetectionManifests.rgbInput("image", 64, 64, "stretch"),
                List.of(new OutputSpec("boxes", List.of(-1, 10, 4)), new OutputSpec("scores", List.of(-1, 10, 3))),
                new DecoderSpec("ssd", "boxes", Map.of("boxes_output", "boxes")), ABC);
        assertRefused(m, "decoder.parameters.scores_output is missing");
        ModelManifest wrongName = DetectionManifests.of(m.input(), m.outputs(),
                new DecoderSpec("ssd", "boxes", Map.of("boxes_output", "boxes", "scores_output", "logits")), ABC);
        assertRefused(wrongName, "reads output 'logits'", "[boxes, scores]");
    }

    @Test
    void parameterValuesAreCheckedByKey() {
        assertRefused(single("yolov8", List.of(-1, 7, 10), Map.of("iou_threshold", 1.5)),
                "decoder.parameters.iou_threshold must be a number in [0, 1], got 1.5");
        assertRefused(single("yolov8", List.of(-1, 7, 10), Map.of("score_threshold", "high")),
                "decoder.parameters.score_threshold", "'high'");
        assertRefused(single("yolov8", List.of(-1, 7, 10), Map.of("max_detections", 0)),
                "decoder.parameters.max_detections must be a whole number");
        assertRefused(single("yolov8", List.of(-1, 7, 10), Map.of("score_treshold", 0.3)),
                "decoder.parameters.score_treshold is not a parameter of decoder 'yolov8'", "score_threshold");
    }

    @Test
    void unknownTypeListsTheKnownOnes() {
        assertRefused(single("yolov11", List.of(-1, 7, 10), Map.of()), "decoder.type 'yolov11'",
                "yolo2, yolov5, yolov8, ssd");
    }
}
