package dev.edgevision.core.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgevision.core.detect.BoundingBox;
import dev.edgevision.core.detect.Detection;
import dev.edgevision.core.detect.Detector;
import dev.edgevision.core.detect.DetectorException;
import dev.edgevision.core.detect.ModelIdentity;
import dev.edgevision.core.frame.Frame;
import dev.edgevision.core.frame.PixelFormat;
import dev.edgevision.core.model.ModelManifest;
import dev.edgevision.core.model.Polarity;
import dev.edgevision.core.testing.ArrayRunner;
import dev.edgevision.core.testing.DetectionManifests;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Decode, suppress, map back: boxes come out in source-frame pixels for letterboxed and stretched inputs. */
class ObjectDetectorTest {
    static final ModelIdentity ID = new ModelIdentity("test-detector", "1", "0".repeat(64));
    static final List<String> LABELS = List.of("cat", "dog");

    /** A yolov8 output [1, 6, B] (channels first) holding {@code boxes}: cx, cy, w, h, cat, dog. */
    static float[] yolov8(float[]... boxes) {
        float[] out = new float[6 * boxes.length];
        for (int b = 0; b < boxes.length; b++) {
            for (int v = 0; v < 6; v++) {
                out[v * boxes.length + b] = boxes[b][v];
            }
        }
        return out;
    }

    static Frame frame(int w, int h) {
        Frame frame = new Frame();
        frame.reshape(w, h, PixelFormat.BGR24);
        return frame;
    }

    static ObjectDetector detector(String resize, float[] output, int boxes, double threshold) throws Exception {
        ModelManifest m = DetectionManifests.single("yolov8", List.of(-1, 6, boxes), Map.of("score_threshold", 0.3),
                LABELS, 320, 320, resize);
        return new ObjectDetector(new ArrayRunner(3 * 320 * 320, "output0").set("output0", output), m, ID, threshold,
                Polarity.DARK_ON_LIGHT, "test.vbundle");
    }

    static void assertBox(BoundingBox expected, BoundingBox actual) {
        assertEquals(expected.x(), actual.x(), 0.01, "x of " + actual);
        assertEquals(expected.y(), actual.y(), 0.01, "y of " + actual);
        assertEquals(expected.w(), actual.w(), 0.01, "w of " + actual);
        assertEquals(expected.h(), actual.h(), 0.01, "h of " + actual);
    }

    @Test
    void letterboxedBoxesMapBackToTheNonSquareFrame() throws Exception {
        float[] out = yolov8(
                new float[] {160, 100, 80, 40, 0.9f, 0.1f},   // cat
                new float[] {165, 102, 80, 40, 0.2f, 0.8f},   // dog on the cat: another class, stays
                new float[] {162, 101, 80, 40, 0.7f, 0.0f},   // a weaker cat on the cat: suppressed
                new float[] {300, 50, 40, 40, 0.6f, 0.0f},    // reaches into the top padding: clipped
                new float[] {50, 200, 10, 10, 0.2f, 0.25f});  // below every threshold
        try (ObjectDetector detector = detector("letterbox", out, 5, 0.3)) {
            Detector.Result result = detector.detect(frame(640, 480));
            List<Detection> found = result.detections();
            assertEquals(3, found.size(), found.toString());
            // 640x480 into 320x320: scale 2, 40 rows of padding above.
            assertEquals("cat", found.get(0).label());
            assertEquals(0.9, found.get(0).score(), 1e-6);
            assertBox(new BoundingBox(240, 80, 160, 80), found.get(0).box());
            assertEquals("dog", found.get(1).label());
            assertEquals(1, found.get(1).classId());
            assertBox(new BoundingBox(250, 84, 160, 80), found.get(1).box());
            assertBox(new BoundingBox(560, 0, 80, 60), found.get(2).box());
            assertTrue(result.preprocessMs() > 0 && result.inferenceMs() >= 0 && result.postprocessMs() > 0);
        }
    }

    @Test
    void stretchedBoxesUseEachAxisScale() throws Exception {
        float[] out = yolov8(new float[] {160, 160, 64, 32, 0.9f, 0.0f});
        try (ObjectDetector detector = detector("stretch", out, 1, 0.5)) {
            List<Detection> found = detector.detect(frame(300, 100)).detections();
            assertEquals(1, found.size());
            // x: (128..192) * 300/320, y: (144..176) * 100/320
            assertBox(new BoundingBox(120, 45, 60, 10), found.get(0).box());
        }
    }

    @Test
    void theThresholdGivenIsTheLowestScoreReportedAboveOrBelowTheManifests() throws Exception {
        float[] out = yolov8(new float[] {100, 100, 20, 20, 0.45f, 0.0f}, new float[] {200, 200, 20, 20, 0.0f, 0.6f},
                new float[] {40, 40, 20, 20, 0.07f, 0.0f});
        try (ObjectDetector shipped = detector("letterbox", out, 3, 0.3);
             ObjectDetector strict = detector("letterbox", out, 3, 0.5);
             ObjectDetector curve = detector("letterbox", out, 3, 0.05)) {
            assertEquals(2, shipped.detect(frame(320, 320)).detections().size(), "manifest threshold 0.3");
            List<Detection> found = strict.detect(frame(320, 320)).detections();
            assertEquals(1, found.size());
            assertEquals("dog", found.get(0).label());
            List<Detection> all = curve.detect(frame(320, 320)).detections();
            assertEquals(3, all.size(), "a threshold below the manifest's reports down to it: " + all);
            assertEquals(0.07, all.get(2).score(), 1e-6);
        }
    }

    @Test
    void theDefaultThresholdIsTheManifestsUnlessOverridden() {
        ModelManifest m = DetectionManifests.single("yolov8", List.of(-1, 6, 4), Map.of("score_threshold", 0.37), LABELS,
                320, 320, "letterbox");
        assertEquals(0.37, ReportingThreshold.of(m, null), 1e-9);
        assertEquals(0.05, ReportingThreshold.of(m, 0.05), 1e-9);
        ModelManifest unset = DetectionManifests.single("yolov8", List.of(-1, 6, 4), Map.of(), LABELS, 320, 320,
                "letterbox");
        assertEquals(dev.edgevision.core.detect.decode.DecoderSettings.DEFAULT_SCORE_THRESHOLD,
                ReportingThreshold.of(unset, null), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> ReportingThreshold.of(m, 1.5));
    }

    @Test
    void aResizeThatDoesNotSuitADetectorIsRefused() {
        ModelManifest m = DetectionManifests.single("yolov8", List.of(-1, 6, 4), Map.of(), LABELS, 320, 320, "mnist");
        DetectorException e = assertThrows(DetectorException.class, () -> new ObjectDetector(
                new ArrayRunner(3 * 320 * 320, "output0"), m, ID, 0.5, Polarity.NATURAL, "odd.vbundle"));
        assertTrue(e.getMessage().contains("odd.vbundle") && e.getMessage().contains("input.resize 'mnist'"),
                e.getMessage());
    }
}
