package dev.edgevision.device.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgevision.core.detect.Detection;
import dev.edgevision.core.detect.Detector;
import dev.edgevision.core.detect.DetectorException;
import dev.edgevision.core.frame.Frame;
import dev.edgevision.core.frame.PixelFormat;
import dev.edgevision.core.inference.ObjectDetector;
import dev.edgevision.core.model.ModelBundle;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A detection bundle opens as an ObjectDetector on ONNX Runtime and reports boxes in frame pixels. */
class ObjectDetectorOnOrtTest {
    static final BackendSelection CPU = new BackendSelection(BackendChoice.ONNXRUNTIME, "test");

    @TempDir
    Path dir;

    @Test
    void detectionBundleFindsItsBoxesInTheSourceFrame() throws Exception {
        ModelBundle bundle = DetectionBundles.yolov8(dir.resolve("foreign.vbundle"));
        Frame frame = new Frame();
        frame.reshape(640, 480, PixelFormat.BGR24);
        try (Detector detector = DetectorFactory.open(bundle, CPU, 0.5, 1)) {
            assertInstanceOf(ObjectDetector.class, detector);
            assertEquals("onnxruntime-cpu", detector.backend());
            List<Detection> found = detector.detect(frame).detections();
            assertEquals(2, found.size(), found.toString());
            // 640x480 letterboxed into 320x320: scale 2, 40 rows of padding above the content.
            Detection cat = found.get(0);
            assertEquals("cat", cat.label());
            assertEquals(0.9, cat.score(), 1e-6);
            assertEquals(240, cat.box().x(), 0.01);
            assertEquals(80, cat.box().y(), 0.01);
            assertEquals(160, cat.box().w(), 0.01);
            assertEquals(80, cat.box().h(), 0.01);
            Detection dog = found.get(1);
            assertEquals("dog", dog.label());
            assertEquals(80, dog.box().x(), 0.01);
            assertEquals(260, dog.box().y(), 0.01);
            assertEquals(80, dog.box().w(), 0.01);
            assertEquals(120, dog.box().h(), 0.01);
        }
    }

    @Test
    void aDeclaredDecoderThatDoesNotFitTheOutputIsRefusedNamingTheBundle() throws Exception {
        ModelBundle bundle = DetectionBundles.write(dir.resolve("mislabelled.vbundle"), List.of(-1, 6, 3), "yolov5");
        DetectorException e = assertThrows(DetectorException.class, () -> DetectorFactory.open(bundle, CPU, 0.5, 1));
        assertTrue(e.getMessage().contains("mislabelled.vbundle") && e.getMessage().contains("output 'output0'")
                && e.getMessage().contains("[-1, 6, 3]") && e.getMessage().contains("[N, B, 5 + 2 classes = 7]"),
                e.getMessage());
    }
}
