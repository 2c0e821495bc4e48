package dev.edgevision.core.detect.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.edgevision.core.model.DecoderSpec;
import dev.edgevision.core.model.ModelManifest;
import dev.edgevision.core.model.OutputSpec;
import dev.edgevision.core.testing.ArrayRunner;
import dev.edgevision.core.testing.DetectionManifests;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Known boxes in, known boxes out, for each decoder type, on hand-made tensors. */
class DecodersTest {
    static final List<String> ABC = List.of("a", "b", "c");
    static final String SOURCE = "test.vbundle";

    static Candidates decode(ModelManifest manifest, ArrayRunner runner, double minScore) throws DecoderException {
        DetectionDecoder decoder = Decoders.create(manifest, SOURCE);
        Candidates c = new Candidates(decoder.maxCandidates());
        decoder.decode(runner, minScore, c);
        return c;
    }

    static void assertBox(Candidates c, int i, double x1, double y1, double x2, double y2, double score, int cls) {
        assertEquals(x1, c.x1(i), 1e-3, "x1 of " + i);
        assertEquals(y1, c.y1(i), 1e-3, "y1 of " + i);
        assertEquals(x2, c.x2(i), 1e-3, "x2 of " + i);
        assertEquals(y2, c.y2(i), 1e-3, "y2 of " + i);
        assertEquals(score, c.score(i), 1e-5, "score of " + i);
        assertEquals(cls, c.classId(i), "class of " + i);
    }

    /** Four boxes, values per box: cx, cy, w, h, then scores of a, b, c. */
    static final float[][] V8_BOXES = {
        {50, 40, 20, 10, 0.1f, 0.9f, 0.2f},
        {10, 10, 4, 4, 0.1f, 0.1f, 0.1f},
        {100, 60, 40, 30, 0.0f, 0.3f, 0.6f},
        {30, 90, 10, 20, 0.3f, 0.0f, 0.0f},
    };

    @Test
    void yolov8ReadsChannelsFirst() throws Exception {
        float[] out = new float[7 * 4];
        for (int b = 0; b < 4; b++) {
            for (int v = 0; v < 7; v++) {
                out[v * 4 + b] = V8_BOXES[b][v];
            }
        }
        ModelManifest m = DetectionManifests.single("yolov8", List.of(-1, 7, 4), Map.of(), ABC, 128, 128, "letterbox");
        Candidates c = decode(m, new ArrayRunner(3 * 128 * 128, "output0").set("output0", out), 0.25);
        assertEquals(3, c.count());
        assertBox(c, 0, 40, 35, 60, 45, 0.9, 1);
        assertBox(c, 1, 80, 45, 120, 75, 0.6, 2);
        assertBox(c, 2, 25, 80, 35, 100, 0.3, 0);
    }

    @Test
    void yolov8ReadsTheTransposedLayoutWhenTheShapeSaysSo() throws Exception {
        float[] out = new float[4 * 7];
        for (int b = 0; b < 4; b++) {
            System.arraycopy(V8_BOXES[b], 0, out, b * 7, 7);
        }
        ModelManifest m = DetectionManifests.single("yolov8", List.of(1, 4, 7), Map.of(), ABC, 128, 128, "letterbox");
        Candidates c = decode(m, new ArrayRunner(3 * 128 * 128, "output0").set("output0", out), 0.5);
        assertEquals(2, c.count());
        assertBox(c, 0, 40, 35, 60, 45, 0.9, 1);
        assertBox(c, 1, 80, 45, 120, 75, 0.6, 2);
    }

    @Test
    void yolov5MultipliesObjectnessAndClassScore() throws Exception {
        float[] out = {
            50, 40, 20, 10, 0.8f, 0.1f, 0.9f, 0.2f,
            10, 10, 4, 4, 0.1f, 1.0f, 0.0f, 0.0f,
            100, 60, 40, 30, 1.0f, 0.0f, 0.0f, 0.5f,
        };
        ModelManifest m = DetectionManifests.single("yolov5", List.of(-1, 3, 8), Map.of(), ABC, 128, 128, "letterbox");
        Candidates c = decode(m, new ArrayRunner(3 * 128 * 128, "output0").set("output0", out), 0.25);
        assertEquals(2, c.count());
        assertBox(c, 0, 40, 35, 60, 45, 0.72, 1);
        assertBox(c, 1, 80, 45, 120, 75, 0.5, 2);
    }

    @Test
    void ssdReadsNormalisedYxyxBoxesAndSkipsTheBackground() throws Exception {
        ModelManifest m = DetectionManifests.of(DetectionManifests.rgbInput("image", 200, 100, "stretch"),
                List.of(new OutputSpec("boxes", List.of(-1, 2, 4)), new OutputSpec("scores", List.of(-1, 2, 3))),
                new DecoderSpec("ssd", "scores", Map.of("boxes_output", "boxes", "scores_output", "scores",
                        "box_format", "yxyx", "background_class", 0)), List.of("cat", "dog"));
        float[] boxes = {0.1f, 0.2f, 0.5f, 0.6f, 0.0f, 0.0f, 1.0f, 1.0f};
        float[] scores = {0.05f, 0.15f, 0.8f, 0.9f, 0.05f, 0.05f};
        Candidates c = decode(m, new ArrayRunner(3 * 200 * 100, "scores").set("boxes", boxes).set("scores", scores),
                0.25);
        assertEquals(1, c.count(), "the second box is all background");
        assertBox(c, 0, 40, 10, 120, 50, 0.8, 1);
    }

    @Test
    void ssdReadsPixelXyxyBoxesWithoutBackground() throws Exception {
        ModelManifest m = DetectionManifests.of(DetectionManifests.rgbInput("image", 200, 100, "stretch"),
                List.of(new OutputSpec("boxes", List.of(-1, 1, 4)), new OutputSpec("scores", List.of(-1, 1, 2))),
                new DecoderSpec("ssd", "boxes", Map.of("boxes_output", "boxes", "scores_output", "scores",
                        "normalized", false)), List.of("cat", "dog"));
        Candidates c = decode(m, new ArrayRunner(3 * 200 * 100, "boxes").set("boxes", new float[] {5, 6, 50, 60})
                .set("scores", new float[] {0.7f, 0.2f}), 0.25);
        assertEquals(1, c.count());
        assertBox(c, 0, 5, 6, 50, 60, 0.7, 0);
    }

    @Test
    void yolo2FollowsDl4jsLayoutAndActivations() throws Exception {
        double[][] anchors = {{1, 1}, {2, 3}};
        int classes = 2;
        int gw = 4;
        int gh = 3;
        int plane = gw * gh;
        float[] out = new float[anchors.length * (5 + classes) * plane];
        for (int a = 0; a < anchors.length; a++) {
            for (int cell = 0; cell < plane; cell++) {
                out[(a * (5 + classes) + 4) * plane + cell] = -20;
            }
        }
        // Anchor 1 at row 2, column 1, stride 16: centre (1.25, 2.75) cells, size 2.5 x 2.25 cells.
        int cell = 2 * gw + 1;
        int base = 1 * (5 + classes) * plane + cell;
        out[base] = (float) logit(0.25);
        out[base + plane] = (float) logit(0.75);
        out[base + 2 * plane] = (float) Math.log(2.5 / 2);
        out[base + 3 * plane] = (float) Math.log(2.25 / 3);
        out[base + 4 * plane] = (float) logit(0.8);
        out[base + 5 * plane] = 0;
        out[base + 6 * plane] = (float) Math.log(3);
        ModelManifest m = DetectionManifests.single("yolo2", List.of(-1, 14, gh, gw),
                Map.of("anchors", List.of(List.of(1, 1), List.of(2, 3)), "grid", List.of(4, 3),
                        "stride", List.of(16, 16)), List.of("x", "y"), 64, 48, "stretch");
        Candidates c = decode(m, new ArrayRunner(3 * 64 * 48, "output0").set("output0", out), 0.25);
        assertEquals(1, c.count());
        // centre (20, 44), size 40 x 36; score 0.8 * softmax([0, ln 3])[1] = 0.8 * 0.75
        assertBox(c, 0, 0, 26, 40, 62, 0.6, 1);
    }

    static double logit(double p) {
        return Math.log(p / (1 - p));
    }
}
