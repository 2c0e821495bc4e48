package dev.edgevision.trainer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.edgevision.core.detect.Detection;
import dev.edgevision.core.detect.ModelIdentity;
import dev.edgevision.core.frame.Frame;
import dev.edgevision.core.frame.PixelFormat;
import dev.edgevision.core.inference.ObjectDetector;
import dev.edgevision.core.model.ModelBundle;
import dev.edgevision.core.model.Polarity;
import dev.edgevision.core.testing.CapturedRun;
import dev.edgevision.core.testing.TinyOnnx;
import dev.edgevision.ort.OrtRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code trainer bundle} end to end: a tiny foreign detector (an ONNX graph whose outputs are known
 * boxes) is wrapped, opened as a device opens it, and its detections come out in source pixels;
 * models whose outputs do not fit the declared decoder or the labels are refused, naming them.
 */
class BundleCommandTest {
    @TempDir
    Path dir;

    /** cx, cy, w, h, cat, dog for four boxes, in 320x320 input pixels. */
    static final float[][] BOXES = {
        {160, 100, 80, 40, 0.9f, 0.1f},
        {60, 200, 40, 60, 0.05f, 0.7f},
        {250, 250, 30, 30, 0.1f, 0.1f},
        {162, 101, 80, 40, 0.6f, 0.0f},
    };

    static float[] channelsFirst(float[][] boxes) {
        int values = boxes[0].length;
        float[] out = new float[values * boxes.length];
        for (int b = 0; b < boxes.length; b++) {
            for (int v = 0; v < values; v++) {
                out[v * boxes.length + b] = boxes[b][v];
            }
        }
        return out;
    }

    Path yolov8Onnx() throws Exception {
        byte[] onnx = TinyOnnx.constantOutputs("images", 3, 320, 320, false,
                List.of(new TinyOnnx.Output("output0", new int[] {6, BOXES.length}, channelsFirst(BOXES))));
        return Files.write(dir.resolve("tiny-yolo.onnx"), onnx);
    }

    Path labels(String... names) throws Exception {
        return Files.writeString(dir.resolve("labels.txt"), String.join("\n", names) + "\n");
    }

    static void assertOneLineError(CapturedRun run, String... fragments) {
        BadInputTest.assertOneLineError(run, fragments);
    }

    @Test
    void wrapsAForeignYolov8AndADeviceFindsItsBoxesInSourcePixels() throws Exception {
        Path out = dir.resolve("tiny.vbundle");
        CapturedRun run = CliRun.of("bundle", "--onnx", yolov8Onnx().toString(), "--labels", labels("cat", "dog").toString(),
                "--decoder", "yolov8", "--out", out.toString(), "--name", "tiny", "--version", "7");
        assertEquals(0, run.status(), run.err());
        JsonNode line = new ObjectMapper().readTree(run.out());
        assertEquals("tiny", line.get("name").asText());
        assertEquals("7", line.get("version").asText());
        assertEquals("[1,3,320,320]", line.get("input").get("shape").toString());
        assertEquals("[1,6,4]", line.get("outputs").get(0).get("shape").toString());
        assertEquals(2, line.get("classes").asInt());

        ModelBundle bundle = ModelBundle.open(out);
        assertEquals("letterbox", bundle.manifest().input().resize());
        assertEquals("rgb", bundle.manifest().input().colour());
        assertEquals(List.of("cat", "dog"), bundle.manifest().labels());
        assertEquals(java.util.Map.of("score_threshold", 0.25, "iou_threshold", 0.45, "max_detections", 100),
                bundle.manifest().decoder().parameters(), "the manifest states the thresholds a device applies");
        Frame frame = new Frame();
        frame.reshape(640, 480, PixelFormat.BGR24);
        try (ObjectDetector detector = new ObjectDetector(new OrtRunner(bundle, 1, 1), bundle.manifest(),
                new ModelIdentity("tiny", "7", bundle.sha256()), 0.5, Polarity.DARK_ON_LIGHT, out.toString())) {
            List<Detection> found = detector.detect(frame).detections();
            assertEquals(2, found.size(), "the weaker cat overlaps the cat and goes: " + found);
            assertDetection(found.get(0), "cat", 0.9, 240, 80, 160, 80);
            assertDetection(found.get(1), "dog", 0.7, 80, 260, 80, 120);
        }
    }

    static void assertDetection(Detection d, String label, double score, double x, double y, double w, double h) {
        assertEquals(label, d.label());
        assertEquals(score, d.score(), 1e-5, "scores pass through float32");
        assertEquals(x, d.box().x(), 0.01, d.toString());
        assertEquals(y, d.box().y(), 0.01, d.toString());
        assertEquals(w, d.box().w(), 0.01, d.toString());
        assertEquals(h, d.box().h(), 0.01, d.toString());
    }

    @Test
    void aDynamicSizeModelNeedsTheInputSize() throws Exception {
        Path onnx = Files.write(dir.resolve("dynamic.onnx"), TinyOnnx.anySize("images", 3,
                List.of(new TinyOnnx.Output("output0", new int[] {6, BOXES.length}, channelsFirst(BOXES)))));
        Path labels = labels("cat", "dog");
        Path out = dir.resolve("dynamic.vbundle");
        assertOneLineError(CliRun.of("bundle", "--onnx", onnx.toString(), "--labels", labels.toString(), "--decoder",
                "yolov8", "--out", out.toString()), "dynamic.onnx", "dynamic size", "--input-size");
        assertFalse(Files.exists(out));
        CapturedRun run = CliRun.of("bundle", "--onnx", onnx.toString(), "--labels", labels.toString(), "--decoder",
                "yolov8", "--out", out.toString(), "--input-size", "416x256", "--colour", "bgr", "--resize", "stretch");
        assertEquals(0, run.status(), run.err());
        ModelBundle bundle = ModelBundle.open(out);
        assertEquals(List.of(-1, 3, 256, 416), bundle.manifest().input().shape());
        assertEquals("bgr", bundle.manifest().input().colour());
        assertEquals(List.of(-1, 6, 4), bundle.manifest().outputs().get(0).shape());
    }

    @Test
    void outputsThatDoNotMatchTheDeclaredDecoderAreRefused() throws Exception {
        Path out = dir.resolve("wrong.vbundle");
        assertOneLineError(CliRun.of("bundle", "--onnx", yolov8Onnx().toString(), "--labels",
                labels("cat", "dog").toString(), "--decoder", "yolov5", "--out", out.toString()),
                "tiny-yolo.onnx: output 'output0' has shape [1, 6, 4] but decoder 'yolov5' expects [N, B, 5 + 2 classes = 7]");
        assertOneLineError(CliRun.of("bundle", "--onnx", yolov8Onnx().toString(), "--labels",
                labels("cat", "dog").toString(), "--decoder", "yolo2", "--anchors", "1,1", "--out", out.toString()),
                "tiny-yolo.onnx", "has no float output of rank 4 for decoder yolo2", "'output0' float [1, 6, 4]");
        assertFalse(Files.exists(out));
    }

    @Test
    void aClassCountThatIsNotTheLabelsCountNamesBoth() throws Exception {
        Path labels = labels("cat", "dog", "bird");
        assertOneLineError(CliRun.of("bundle", "--onnx", yolov8Onnx().toString(), "--labels", labels.toString(),
                "--decoder", "yolov8", "--out", dir.resolve("x.vbundle").toString()),
                labels + " lists 3 class names", "tiny-yolo.onnx output 'output0' [1, 6, 4] holds 2 classes",
                "6 = 4 box values + 2 class scores");
    }

    @Test
    void labelProblemsAndBadFilesAreOneLineNamingThem() throws Exception {
        Path gap = Files.writeString(dir.resolve("gap.txt"), "cat\n\ndog\n");
        assertOneLineError(CliRun.of("bundle", "--onnx", yolov8Onnx().toString(), "--labels", gap.toString(),
                "--decoder", "yolov8", "--out", dir.resolve("x.vbundle").toString()), gap + ":2: blank line");
        Path notOnnx = Files.writeString(dir.resolve("notes.onnx"), "not a graph");
        assertOneLineError(CliRun.of("bundle", "--onnx", notOnnx.toString(), "--labels", labels("a").toString(),
                "--decoder", "yolov8", "--out", dir.resolve("x.vbundle").toString()), "notes.onnx",
                "cannot load it as an ONNX model");
        assertOneLineError(CliRun.of("bundle", "--onnx", dir.resolve("missing.onnx").toString(), "--labels",
                labels("a").toString(), "--decoder", "yolov8", "--out", dir.resolve("x.vbundle").toString()),
                "missing.onnx: no such file");
        assertOneLineError(CliRun.of("bundle", "--onnx", yolov8Onnx().toString(), "--labels", labels("a").toString(),
                "--decoder", "yolov9", "--out", dir.resolve("x.vbundle").toString()),
                "--decoder must be one of yolo2, yolov5, yolov8, ssd, got 'yolov9'");
        assertOneLineError(CliRun.of("bundle", "--onnx", yolov8Onnx().toString(), "--labels", labels("a").toString(),
                "--decoder", "yolov8", "--input-size", "640", "--out", dir.resolve("x.vbundle").toString()),
                "--input-size must be WIDTHxHEIGHT");
        assertOneLineError(CliRun.of("bundle", "--onnx", yolov8Onnx().toString(), "--labels", labels("a").toString(),
                "--decoder", "yolov8", "--mean", "0.5,x", "--out", dir.resolve("x.vbundle").toString()),
                "--mean takes numbers separated by commas, got '0.5,x'");
        assertOneLineError(CliRun.of("bundle", "--onnx", yolov8Onnx().toString(), "--labels", labels("a").toString(),
                "--decoder", "yolov8", "--std", "0.2,0.3", "--out", dir.resolve("x.vbundle").toString()),
                "--std needs 1 or 3 values (one per channel), got 2");
    }

    @Test
    void anExistingBundleSurvivesARefusedWrap() throws Exception {
        Path out = dir.resolve("kept.vbundle");
        Files.writeString(out, "an older bundle");
        CliRun.of("bundle", "--onnx", yolov8Onnx().toString(), "--labels", labels("a", "b", "c").toString(),
                "--decoder", "yolov8", "--out", out.toString());
        assertEquals("an older bundle", Files.readString(out));
    }

    @Test
    void ssdOutputsAreTellApartByTheirShapes() throws Exception {
        float[] boxes = {0.1f, 0.2f, 0.5f, 0.6f, 0.0f, 0.0f, 0.1f, 0.1f};
        float[] scores = {0.05f, 0.15f, 0.8f, 0.9f, 0.05f, 0.05f};
        Path onnx = Files.write(dir.resolve("ssd.onnx"), TinyOnnx.constantOutputs("image", 3, 100, 200, true,
                List.of(new TinyOnnx.Output("scores", new int[] {2, 3}, scores),
                        new TinyOnnx.Output("boxes", new int[] {2, 4}, boxes))));
        Path out = dir.resolve("ssd.vbundle");
        CapturedRun run = CliRun.of("bundle", "--onnx", onnx.toString(), "--labels", labels("cat", "dog").toString(),
                "--decoder", "ssd", "--background-class", "0", "--box-format", "yxyx", "--resize", "stretch",
                "--out", out.toString());
        assertEquals(0, run.status(), run.err());
        ModelBundle bundle = ModelBundle.open(out);
        assertEquals("boxes", bundle.manifest().decoder().parameters().get("boxes_output"));
        assertEquals("scores", bundle.manifest().decoder().parameters().get("scores_output"));
        Frame frame = new Frame();
        frame.reshape(400, 200, PixelFormat.RGB24);
        try (ObjectDetector detector = new ObjectDetector(new OrtRunner(bundle, 1, 1), bundle.manifest(),
                new ModelIdentity("ssd", "1", bundle.sha256()), 0.3, Polarity.NATURAL, out.toString())) {
            List<Detection> found = detector.detect(frame).detections();
            assertEquals(1, found.size(), found.toString());
            // input 200x100 (x 40..120, y 10..50) stretched from 400x200: times 2
            assertDetection(found.get(0), "dog", 0.8, 80, 20, 160, 80);
        }
    }

    @Test
    void yolo2TakesItsAnchorsAndInfersGridAndStride() throws Exception {
        int plane = 4;
        float[] values = new float[7 * plane];
        java.util.Arrays.fill(values, 4 * plane, 5 * plane, -20f);
        int cell = 3; // row 1, column 1 of a 2x2 grid
        values[4 * plane + cell] = 3f;
        values[5 * plane + cell] = 2f;
        Path onnx = Files.write(dir.resolve("own.onnx"), TinyOnnx.constantOutputs("input", 1, 64, 64, true,
                List.of(new TinyOnnx.Output("yolo", new int[] {7, 2, 2}, values))));
        Path out = dir.resolve("own.vbundle");
        CapturedRun run = CliRun.of("bundle", "--onnx", onnx.toString(), "--labels", labels("dot", "dash").toString(),
                "--decoder", "yolo2", "--anchors", "1,1", "--out", out.toString());
        assertEquals(0, run.status(), run.err());
        ModelBundle bundle = ModelBundle.open(out);
        assertEquals("grayscale", bundle.manifest().input().colour());
        assertEquals(List.of(2, 2), bundle.manifest().decoder().parameters().get("grid"));
        assertEquals(List.of(32.0, 32.0), bundle.manifest().decoder().parameters().get("stride"));
        Frame frame = new Frame();
        frame.reshape(64, 64, PixelFormat.GRAY8);
        try (ObjectDetector detector = new ObjectDetector(new OrtRunner(bundle, 1, 1), bundle.manifest(),
                new ModelIdentity("own", "1", bundle.sha256()), 0.5, Polarity.NATURAL, out.toString())) {
            List<Detection> found = detector.detect(frame).detections();
            assertEquals(1, found.size(), found.toString());
            // centre (1.5, 1.5) cells = (48, 48) px, size 1 x 1 cell = 32 px; score sigmoid(3) * softmax([2, 0])[0]
            double score = 1 / (1 + Math.exp(-3)) * Math.exp(2) / (Math.exp(2) + 1);
            assertDetection(found.get(0), "dot", score, 32, 32, 32, 32);
        }
    }

    @Test
    void helpNamesTheDecodersAndOptions() {
        CapturedRun run = CliRun.of("bundle", "--help");
        assertEquals(0, run.status());
        String help = run.out() + run.err();
        for (String s : new String[] {"--onnx", "--labels", "--decoder", "--input-size", "--colour", "--resize",
            "--value-range", "--mean", "--score-threshold", "--iou-threshold", "--anchors", "yolov8", "yolov5", "ssd",
            "yolo2"}) {
            assertTrue(help.contains(s), s + " in: " + help);
        }
    }
}
