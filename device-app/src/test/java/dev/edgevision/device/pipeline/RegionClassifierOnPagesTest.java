package dev.edgevision.device.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgevision.core.detect.Detection;
import dev.edgevision.core.detect.Detector;
import dev.edgevision.core.frame.Frame;
import dev.edgevision.core.frame.PixelFormat;
import dev.edgevision.core.idx.DigitSet;
import dev.edgevision.core.idx.IdxFixtures;
import dev.edgevision.core.idx.IdxFolder;
import dev.edgevision.core.model.ModelBundle;
import dev.edgevision.core.preprocess.PaperPage;
import dev.edgevision.core.preprocess.Region;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The committed classifier, served through region finding on ONNX Runtime, reads pages of digits. */
class RegionClassifierOnPagesTest {
    static final Path BUNDLE = Path.of("..", "models", "digits.vbundle");

    @Test
    void readsDarkDigitsOnPaper() throws Exception {
        DigitSet digits = IdxFolder.scan(IdxFixtures.bundledDataset()).test().orElseThrow().read();
        ModelBundle bundle = ModelBundle.open(BUNDLE);
        BackendSelection cpu = new BackendSelection(BackendChoice.ONNXRUNTIME, "test");
        int right = 0;
        int drawn = 0;
        int spurious = 0;
        try (Detector detector = DetectorFactory.open(bundle, cpu, 0.5, 1)) {
            assertEquals("onnxruntime-cpu", detector.backend());
            Frame frame = new Frame();
            for (int page = 0; page < 20; page++) {
                PaperPage p = new PaperPage(640, 480, 215);
                for (int i = 0; i < 5; i++) {
                    p.draw(digits, 100 + page * 5 + i, 30 + i * 120, 80 + (i % 2) * 200, 56 + 12 * (i % 3), 35);
                }
                System.arraycopy(p.gray, 0, frame.reshape(640, 480, PixelFormat.GRAY8), 0, p.gray.length);
                frame.stamp(page + 1, System.nanoTime(), System.currentTimeMillis());
                Detector.Result result = detector.detect(frame);
                for (int i = 0; i < p.truth.size(); i++) {
                    drawn++;
                    Region truth = p.truth.get(i);
                    int label = p.labels.get(i);
                    boolean hit = result.detections().stream().anyMatch(d -> d.classId() == label
                            && Math.abs(d.box().x() - truth.x()) < 8 && Math.abs(d.box().y() - truth.y()) < 8);
                    right += hit ? 1 : 0;
                }
                spurious += Math.max(0, result.detections().size() - p.truth.size());
                for (Detection d : result.detections()) {
                    assertTrue(d.score() >= 0.5 && d.score() <= 1.0, d.toString());
                    assertEquals(bundle.manifest().labels().get(d.classId()), d.label());
                }
            }
        }
        assertTrue(right >= 0.93 * drawn, right + " of " + drawn + " digits found and named right");
        assertTrue(spurious <= 3, "spurious detections: " + spurious);
    }
}
