package dev.edgevision.core.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgevision.core.detect.Detector;
import dev.edgevision.core.detect.ModelIdentity;
import dev.edgevision.core.frame.Frame;
import dev.edgevision.core.frame.PixelFormat;
import dev.edgevision.core.model.ModelManifest;
import dev.edgevision.core.model.Polarity;
import dev.edgevision.core.testing.ArrayRunner;
import dev.edgevision.core.testing.DetectionManifests;
import dev.edgevision.core.testing.TestBundles;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The stages every runner-backed detector shares: one run per frame, timings, the runner's name and close. */
class RunnerDetectorTest {
    static final ModelIdentity ID = new ModelIdentity("test-classifier", "1", "0".repeat(64));

    @Test
    void aFrameClassifierRunsOnceAndReportsTheWholeFrame() throws Exception {
        ModelManifest m = DetectionManifests.single("softmax", List.of(-1, 2), Map.of(), List.of("cat", "dog"), 16, 16,
                "stretch");
        ArrayRunner runner = new ArrayRunner(3 * 16 * 16, "output0").set("output0", new float[] {0.2f, 0.8f});
        Frame frame = new Frame();
        frame.reshape(40, 30, PixelFormat.BGR24);
        try (FrameClassifier classifier = new FrameClassifier(runner, m, ID, 0.5, Polarity.NATURAL)) {
            Detector.Result result = classifier.detect(frame);
            assertEquals(1, runner.runs());
            assertEquals(1, result.detections().size());
            assertEquals("dog", result.detections().get(0).label());
            assertEquals(40, result.detections().get(0).box().w(), 1e-9);
            assertTrue(result.preprocessMs() >= 0 && result.inferenceMs() >= 0 && result.postprocessMs() >= 0);
            assertEquals("arrays", classifier.backend());
            assertEquals(ID, classifier.model());
        }
        assertTrue(runner.closed(), "closing the detector closes its runner");
    }

    @Test
    void aRegionClassifierWithNoMarksOnABlankPageDoesNotRun() throws Exception {
        ModelManifest m = TestBundles.digitManifest();
        ArrayRunner runner = new ArrayRunner(28 * 28, "probabilities").set("probabilities", new float[10]);
        Frame blank = new Frame();
        Arrays.fill(blank.reshape(64, 48, PixelFormat.BGR24), (byte) 255);
        try (RegionClassifier classifier = new RegionClassifier(runner, m, ID, 0.5)) {
            Detector.Result result = classifier.detect(blank);
            assertEquals(List.of(), result.detections());
            assertEquals(0, runner.runs());
        }
    }
}
