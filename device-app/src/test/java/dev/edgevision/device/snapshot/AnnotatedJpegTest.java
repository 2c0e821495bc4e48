package dev.edgevision.device.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.edgevision.core.detect.BoundingBox;
import dev.edgevision.core.detect.Detection;
import dev.edgevision.core.frame.Frame;
import dev.edgevision.core.frame.PixelFormat;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import dev.edgevision.opencv.OpenCvRuntime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AnnotatedJpegTest {
    /** The encoders that can run here: ImageIO always, OpenCV when its codecs load. */
    static List<String> encoders() {
        return OpenCvRuntime.codecsAvailable() ? List.of("imageio", "opencv") : List.of("imageio");
    }

    @Test
    void theProcessEncodesWithOpenCvWhenItsCodecsLoad() {
        String want = "imageio".equals(System.getProperty("edgevision.encode")) || !OpenCvRuntime.codecsAvailable()
                ? "imageio" : "opencv";
        assertEquals(want, new AnnotatedJpeg(0.8).encoder());
    }

    @ParameterizedTest
    @MethodSource("encoders")
    void drawsTheBoxOnTheFrameAndEncodesAJpegOfTheFrameSize(String encoder) throws Exception {
        Frame frame = grey(320, 240, PixelFormat.BGR24, (byte) 200);
        AnnotatedJpeg jpeg = new AnnotatedJpeg(0.9, encoder);
        assertEquals(encoder, jpeg.encoder());
        byte[] bytes = jpeg.encode(frame, List.of(new Detection("7", 7, 0.93, new BoundingBox(100, 80, 60, 50))),
                "12.0 fps");

        assertEquals((byte) 0xFF, bytes[0]);
        assertEquals((byte) 0xD8, bytes[1], "starts with a JPEG SOI marker");
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(bytes));
        assertEquals(320, back.getWidth());
        assertEquals(240, back.getHeight());
        int inside = back.getRGB(130, 110) & 0xFF;
        assertTrue(Math.abs(inside - 200) < 12, "inside the box the frame shows through: " + inside);
        int edge = back.getRGB(130, 130); // the bottom edge: y = 80 + 50
        int r = (edge >> 16) & 0xFF;
        int b = edge & 0xFF;
        assertTrue(Math.abs(r - b) > 40 || Math.abs(((edge >> 8) & 0xFF) - b) > 40,
                "the box edge is coloured, not the grey frame: " + Integer.toHexString(edge));
        int label = back.getRGB(103, 70); // the label's background above the box, in class 7's colour
        assertTrue(Math.abs(((label >> 16) & 0xFF) - (label & 0xFF)) > 40
                || Math.abs(((label >> 8) & 0xFF) - (label & 0xFF)) > 40, Integer.toHexString(label));
    }

    @Test
    void bothEncodersGiveTheSamePicture() throws Exception {
        assumeTrue(OpenCvRuntime.codecsAvailable(), OpenCvRuntime::codecsProblem);
        Frame frame = grey(320, 240, PixelFormat.BGR24, (byte) 120);
        List<Detection> boxes = List.of(new Detection("3", 3, 0.81, new BoundingBox(40, 60, 90, 100)));
        BufferedImage a = ImageIO.read(new ByteArrayInputStream(new AnnotatedJpeg(0.8, "imageio").encode(frame, boxes, "cap")));
        BufferedImage b = ImageIO.read(new ByteArrayInputStream(new AnnotatedJpeg(0.8, "opencv").encode(frame, boxes, "cap")));
        long sum = 0;
        for (int y = 0; y < 240; y++) {
            for (int x = 0; x < 320; x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                for (int shift = 0; shift <= 16; shift += 8) {
                    sum += Math.abs(((p >> shift) & 0xFF) - ((q >> shift) & 0xFF));
                }
            }
        }
        double mean = sum / (320.0 * 240 * 3);
        assertTrue(mean < 3, "mean difference " + mean + " levels between the two encoders' pictures");
    }

    /** Median encode milliseconds of a 640x480 synthetic frame with three boxes, both encoders alternating. */
    @Test
    void timesBothEncoders() {
        assumeTrue(OpenCvRuntime.codecsAvailable(), OpenCvRuntime::codecsProblem);
        Frame frame = new Frame();
        dev.edgevision.camera.synthetic.SyntheticScene.fromUri("synthetic://digits?seed=9&width=640&height=480&data=../datasets/mnist-9k")
                .render(1, frame);
        List<Detection> boxes = List.of(new Detection("3", 3, 0.97, new BoundingBox(60, 80, 90, 130)),
                new Detection("7", 7, 0.88, new BoundingBox(300, 200, 70, 110)),
                new Detection("1", 1, 0.64, new BoundingBox(480, 90, 40, 120)));
        AnnotatedJpeg[] jpegs = {new AnnotatedJpeg(0.8, "imageio"), new AnnotatedJpeg(0.8, "opencv")};
        long[][] nanos = new long[3][200];
        long[] bytes = new long[2];
        for (int i = -100; i < 200; i++) {
            for (int k = 0; k < 2; k++) {
                long t0 = System.nanoTime();
                int n = jpegs[k].encode(frame, boxes, "desk  15.0 fps  21.3 ms  onnxruntime-cpu").length;
                if (i >= 0) {
                    nanos[k][i] = System.nanoTime() - t0;
                    bytes[k] += n;
                }
            }
            long t0 = System.nanoTime();
            jpegs[0].draw(frame, boxes, "desk  15.0 fps  21.3 ms  onnxruntime-cpu");
            if (i >= 0) {
                nanos[2][i] = System.nanoTime() - t0;
            }
        }
        Arrays.sort(nanos[2]);
        Arrays.sort(nanos[0]);
        Arrays.sort(nanos[1]);
        System.out.printf(java.util.Locale.ROOT, "annotated JPEG 640x480, 3 boxes, q0.8, median of 200 alternating:"
                + " imageio %.2f ms (%.1f KiB), opencv %.2f ms (%.1f KiB), of which drawing %.2f ms%n",
                nanos[0][100] / 1e6, bytes[0] / 200 / 1024.0, nanos[1][100] / 1e6, bytes[1] / 200 / 1024.0,
                nanos[2][100] / 1e6);
        assertTrue(bytes[1] > 0 && bytes[0] > 0);
    }

    @Test
    void keepsItsImageWhileTheSizeStaysAndConvertsGreyAndRgbFrames() {
        AnnotatedJpeg jpeg = new AnnotatedJpeg(0.8);
        BufferedImage first = jpeg.draw(grey(64, 48, PixelFormat.GRAY8, (byte) 50), List.of(), null);
        BufferedImage second = jpeg.draw(grey(64, 48, PixelFormat.RGB24, (byte) 90), List.of(), null);
        assertSame(first, second, "no new frame-sized image for a frame of the same size");
        assertEquals(90, second.getRGB(10, 10) & 0xFF);
        assertEquals(90, (second.getRGB(10, 10) >> 16) & 0xFF);
    }

    @Test
    void refusesAQualityOutsideItsRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new AnnotatedJpeg(3));
        assertTrue(e.getMessage().contains("between 0.1 and 1.0"), e.getMessage());
    }

    private static Frame grey(int w, int h, PixelFormat format, byte value) {
        Frame f = new Frame();
        byte[] data = f.reshape(w, h, format);
        Arrays.fill(data, 0, w * h * format.bytesPerPixel(), value);
        return f;
    }
}
