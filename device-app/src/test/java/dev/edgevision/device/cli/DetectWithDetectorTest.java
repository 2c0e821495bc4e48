package dev.edgevision.device.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgevision.core.detect.Detection;
import dev.edgevision.core.detect.DetectionJson;
import dev.edgevision.core.detect.DetectionRecord;
import dev.edgevision.core.testing.CapturedRun;
import dev.edgevision.device.pipeline.DetectionBundles;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code detect} and {@code demo} with a detection bundle: records as the contract fixes them, boxes in
 * source pixels, through the same DetectorFactory the service uses.
 */
class DetectWithDetectorTest {
    @TempDir
    Path dir;

    @Test
    void recordsCarryTheDetectorsBoxesInImagePixels() throws Exception {
        Path bundle = dir.resolve("foreign.vbundle");
        DetectionBundles.yolov8(bundle);
        Path image = dir.resolve("street.png");
        ImageIO.write(new BufferedImage(640, 480, BufferedImage.TYPE_3BYTE_BGR), "png", image.toFile());
        CapturedRun run = CliRun.of("detect", "--model", bundle.toString(), "--device", "cam-box", image.toString());
        assertEquals(0, run.status(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(1, lines.size(), run.out());
        DetectionRecord record = DetectionJson.read(lines.get(0));
        assertEquals(640, record.width());
        assertEquals(480, record.height());
        assertEquals("test-detector", record.model().name());
        assertEquals(2, record.detections().size(), lines.get(0));
        Detection cat = record.detections().get(0);
        assertEquals("cat", cat.label());
        assertEquals(0, cat.classId());
        assertEquals(240, cat.box().x(), 0.01);
        assertEquals(80, cat.box().y(), 0.01);
        assertEquals(160, cat.box().w(), 0.01);
        assertEquals(80, cat.box().h(), 0.01);
        assertEquals("dog", record.detections().get(1).label());
        assertTrue(lines.get(0).contains("\"box\":{\"x\":240.0,\"y\":80.0,\"w\":160.0,\"h\":80.0}"), lines.get(0));
    }

    @Test
    void theThresholdIsTheBundlesUnlessGivenAndAGivenOneReportsBelowIt() throws Exception {
        Path bundle = dir.resolve("foreign.vbundle");
        DetectionBundles.yolov8(bundle);
        Path image = dir.resolve("street.png");
        ImageIO.write(new BufferedImage(640, 480, BufferedImage.TYPE_3BYTE_BGR), "png", image.toFile());
        CapturedRun shipped = CliRun.of("detect", "--model", bundle.toString(), image.toString());
        assertEquals(0, shipped.status(), shipped.err());
        assertEquals(2, DetectionJson.read(shipped.out().strip()).detections().size(), "the manifest's 0.5 keeps"
                + " the cat (0.9) and the dog (0.7): " + shipped.out());
        assertTrue(shipped.err().contains("scores from 0.5 (the bundle's)"), shipped.err());
        CapturedRun low = CliRun.of("detect", "--model", bundle.toString(), "--threshold", "0.05", image.toString());
        assertEquals(0, low.status(), low.err());
        List<Detection> all = DetectionJson.read(low.out().strip()).detections();
        assertEquals(3, all.size(), "--threshold 0.05 reports the 0.1 box too: " + low.out());
        assertEquals(0.1, all.get(2).score(), 1e-6);
        CapturedRun high = CliRun.of("detect", "--model", bundle.toString(), "--threshold", "0.8", image.toString());
        assertEquals(1, DetectionJson.read(high.out().strip()).detections().size(), high.out());
    }

    @Test
    void theDemoRunsADetectionBundleAndItsRecordsArriveOverMqtt() throws Exception {
        Path bundle = dir.resolve("foreign.vbundle");
        DetectionBundles.yolov8(bundle);
        System.setProperty("edgevision.home", Path.of("..").toAbsolutePath().normalize().toString());
        CapturedRun run = CliRun.of("demo", "--seconds", "3", "--model", bundle.toString(), "--camera",
                "synthetic://digits?fps=5&seed=3");
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().lines().anyMatch(l -> l.matches("cam0 frame .* cat 0\\.90 @240,80 .*dog 0\\.70 @80,260.*")),
                "640x480 synthetic frames, the fixed boxes mapped back to them: " + run.out());
    }

    @Test
    void aBundleWhoseDecoderDoesNotFitIsOneLineNamingIt() throws Exception {
        Path bundle = dir.resolve("mislabelled.vbundle");
        DetectionBundles.write(bundle, List.of(-1, 6, 3), "yolov5");
        Path image = dir.resolve("street.png");
        ImageIO.write(new BufferedImage(64, 48, BufferedImage.TYPE_3BYTE_BGR), "png", image.toFile());
        CapturedRun run = CliRun.of("detect", "--model", bundle.toString(), image.toString());
        assertEquals(1, run.status(), run.err());
        assertEquals("", run.out());
        assertTrue(run.err().contains("mislabelled.vbundle: output 'output0' has shape [-1, 6, 3] but decoder"
                + " 'yolov5' expects"), run.err());
        assertFalse(run.err().contains("\tat "), run.err());
    }
}
