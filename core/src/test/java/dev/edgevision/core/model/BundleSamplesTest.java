package dev.edgevision.core.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgevision.core.frame.Frame;
import dev.edgevision.core.testing.TestBundles;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleSamplesTest {
    @TempDir
    Path dir;

    @Test
    void calibrationImagesAndReferencesTravelInTheBundle() throws Exception {
        float[] input = new float[2 * 784];
        input[5] = 0.25f;
        float[] output = new float[2 * 10];
        output[13] = 0.75f;
        Path file = dir.resolve("b.vbundle");
        TestBundles.digitBundle(new byte[] {1, 2, 3}, 3)
                .add(BundleSamples.REFERENCE_INPUT, BundleSamples.bytes(input))
                .add(BundleSamples.referenceOutput(0), BundleSamples.bytes(output)).write(file);
        ModelBundle bundle = ModelBundle.open(file);
        assertEquals(List.of("calibration/000.png", "calibration/001.png", "calibration/002.png"),
                BundleSamples.calibrationNames(bundle.manifest()));
        List<Frame> images = BundleSamples.calibrationImages(bundle);
        assertEquals(3, images.size());
        assertArrayEquals(TestBundles.digitImage(1).pixels(), images.get(1).pixels());
        assertArrayEquals(input, BundleSamples.referenceInput(bundle).orElseThrow());
        assertArrayEquals(output, BundleSamples.referenceOutput(bundle, 0).orElseThrow());
    }

    @Test
    void aBundleWithoutSamplesHasNone() throws Exception {
        Path file = dir.resolve("plain.vbundle");
        TestBundles.digitBundle(new byte[] {1}, 0).write(file);
        ModelBundle bundle = ModelBundle.open(file);
        assertTrue(BundleSamples.calibrationImages(bundle).isEmpty());
        assertTrue(BundleSamples.referenceInput(bundle).isEmpty());
    }

    @Test
    void aTruncatedReferenceIsAnErrorNamingTheEntry() throws Exception {
        Path file = dir.resolve("bad.vbundle");
        TestBundles.digitBundle(new byte[] {1}, 0).add(BundleSamples.REFERENCE_INPUT, new byte[784 * 4 + 4]).write(file);
        ModelBundle bundle = ModelBundle.open(file);
        BundleException e = assertThrows(BundleException.class, () -> BundleSamples.referenceInput(bundle));
        assertTrue(e.getMessage().contains("reference/input.f32 holds 3140 bytes"), e.getMessage());
    }

    @Test
    void aCalibrationEntryThatIsNoImageIsNamed() throws Exception {
        Path file = dir.resolve("noimage.vbundle");
        TestBundles.digitBundle(new byte[] {1}, 1).add("calibration/001.png", new byte[] {9, 9}).write(file);
        ModelBundle bundle = ModelBundle.open(file);
        BundleException e = assertThrows(BundleException.class, () -> BundleSamples.calibrationImages(bundle));
        assertTrue(e.getMessage().contains("calibration/001.png is not a readable image"), e.getMessage());
    }
}
