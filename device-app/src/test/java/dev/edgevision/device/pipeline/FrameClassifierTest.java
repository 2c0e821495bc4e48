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
import dev.edgevision.core.model.BundleWriter;
import dev.edgevision.core.model.InputSpec;
import dev.edgevision.core.model.ModelBundle;
import dev.edgevision.core.model.ModelManifest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bundle that declares resize stretch names the whole frame: one detection, the frame as its box. */
class FrameClassifierTest {
    @TempDir
    Path dir;

    ModelBundle stretched(String resize) throws Exception {
        ModelBundle digits = ModelBundle.open(Path.of("..", "models", "digits.vbundle"));
        ModelManifest m = digits.manifest();
        InputSpec in = m.input();
        InputSpec changed = new InputSpec(in.name(), in.shape(), in.layout(), in.dtype(), in.colour(), in.valueRange(),
                in.mean(), in.std(), in.polarity(), resize);
        ModelManifest manifest = new ModelManifest(m.formatVersion(), "digits-whole-frame", "1", m.task(),
                m.description(), m.created(), m.producer(), m.modelFile(), changed, m.outputs(), m.decoder(),
                m.labels(), m.metrics(), m.files());
        Path file = dir.resolve(resize + ".vbundle");
        new BundleWriter(manifest).add(m.modelFile(), digits.modelBytes()).write(file);
        return ModelBundle.open(file);
    }

    /** One MNIST digit, 10x enlarged, black on white paper, in a BGR frame. */
    static Frame page(DigitSet digits, int index) {
        Frame frame = new Frame();
        byte[] data = frame.reshape(280, 280, PixelFormat.BGR24);
        for (int y = 0; y < 280; y++) {
            for (int x = 0; x < 280; x++) {
                int ink = digits.pixel(index, y / 10, x / 10);
                byte v = (byte) (255 - ink);
                int i = 3 * (y * 280 + x);
                data[i] = v;
                data[i + 1] = v;
                data[i + 2] = v;
            }
        }
        frame.stamp(1, System.nanoTime(), System.currentTimeMillis());
        return frame;
    }

    @Test
    void namesTheWholeFrame() throws Exception {
        DigitSet digits = IdxFolder.scan(IdxFixtures.bundledDataset()).test().orElseThrow().read();
        BackendSelection cpu = new BackendSelection(BackendChoice.ONNXRUNTIME, "test");
        int right = 0;
        try (Detector detector = DetectorFactory.open(stretched("stretch"), cpu, 0.0, 1)) {
            for (int i = 0; i < 50; i++) {
                List<Detection> found = detector.detect(page(digits, i)).detections();
                assertEquals(1, found.size());
                Detection d = found.get(0);
                assertEquals(280, d.box().w());
                assertEquals(0, d.box().x());
                right += d.classId() == digits.label(i) ? 1 : 0;
            }
        }
        assertTrue(right >= 47, "the stretched frame is the digit as MNIST drew it, inverted: " + right + " of 50");
    }

    @Test
    void unknownResizeIsRefusedNamingTheBundle() throws Exception {
        ModelBundle odd = stretched("crop");
        BackendSelection cpu = new BackendSelection(BackendChoice.ONNXRUNTIME, "test");
        var e = org.junit.jupiter.api.Assertions.assertThrows(dev.edgevision.core.detect.DetectorException.class,
                () -> DetectorFactory.open(odd, cpu, 0.5, 1));
        assertTrue(e.getMessage().contains("crop.vbundle") && e.getMessage().contains("input.resize 'crop'"),
                e.getMessage());
    }
}
