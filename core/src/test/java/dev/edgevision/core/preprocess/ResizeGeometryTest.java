package dev.edgevision.core.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgevision.core.frame.Frame;
import dev.edgevision.core.frame.PixelFormat;
import dev.edgevision.core.model.InputSpec;
import dev.edgevision.core.model.Polarity;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The mapping between model-input and frame pixels is exact and is the one FrameResizer samples with. */
class ResizeGeometryTest {
    static final int[][] FRAMES = {{640, 480}, {641, 479}, {1920, 1080}, {300, 1000}, {37, 23}, {320, 320}};
    static final int[][] INPUTS = {{320, 320}, {416, 256}, {64, 64}, {96, 160}};

    static InputSpec grey(String resize, int w, int h) {
        return new InputSpec("input", List.of(1, 1, h, w), "NCHW", "float32", "grayscale", List.of(0.0, 255.0),
                List.of(0.0), List.of(1.0), Polarity.NATURAL, resize);
    }

    static Frame greyFrame(int w, int h) {
        Frame frame = new Frame();
        frame.reshape(w, h, PixelFormat.GRAY8);
        return frame;
    }

    @Test
    void roundTripIsWithinAHundredthOfAPixel() {
        Random random = new Random(7);
        for (boolean letterbox : new boolean[] {true, false}) {
            for (int[] f : FRAMES) {
                for (int[] in : INPUTS) {
                    ResizeGeometry g = ResizeGeometry.of(letterbox, f[0], f[1], in[0], in[1]);
                    for (int i = 0; i < 200; i++) {
                        double x = random.nextDouble() * f[0];
                        double y = random.nextDouble() * f[1];
                        assertEquals(x, g.toFrameX(g.toInputX(x)), 0.01, g.toString());
                        assertEquals(y, g.toFrameY(g.toInputY(y)), 0.01, g.toString());
                        double u = random.nextDouble() * in[0];
                        assertEquals(u, g.toInputX(g.toFrameX(u)), 0.01, g.toString());
                    }
                }
            }
        }
    }

    @Test
    void letterboxOfANonSquareFrameCentresItAndCoversTheFrameExactly() {
        ResizeGeometry g = ResizeGeometry.of(true, 640, 480, 320, 320);
        assertEquals(2.0, g.scaleX());
        assertEquals(2.0, g.scaleY());
        assertEquals(0, g.padX());
        assertEquals(40, g.padY());
        assertEquals(240, g.contentHeight());
        assertEquals(0.0, g.toFrameY(40), 1e-12, "the first content row starts at the frame's top edge");
        assertEquals(480.0, g.toFrameY(280), 1e-12, "the last content row ends at the frame's bottom edge");
        ResizeGeometry tall = ResizeGeometry.of(true, 300, 1000, 320, 320);
        assertEquals(112, tall.padX(), "content 96 wide, centred: (320 - 96) / 2");
        assertEquals(300.0, tall.toFrameX(112 + 96), 1e-9);
    }

    @Test
    void stretchScalesEachAxisOnItsOwn() {
        ResizeGeometry g = ResizeGeometry.of(false, 300, 100, 320, 320);
        assertEquals(300.0 / 320, g.scaleX(), 1e-12);
        assertEquals(100.0 / 320, g.scaleY(), 1e-12);
        FrameResizer resizer = new FrameResizer(grey("stretch", 320, 320), Polarity.NATURAL);
        resizer.fill(greyFrame(300, 100), new float[320 * 320], 0);
        double[] corner = resizer.toFrame(320, 320);
        assertEquals(300.0, corner[0], 1e-9);
        assertEquals(100.0, corner[1], 1e-9, "y uses the y scale");
    }

    @Test
    void pixelCentresMapToWhereTheResizerSamples() {
        for (String resize : new String[] {"letterbox", "stretch"}) {
            for (int[] f : FRAMES) {
                for (int[] in : INPUTS) {
                    FrameResizer resizer = new FrameResizer(grey(resize, in[0], in[1]), Polarity.NATURAL);
                    resizer.fill(greyFrame(f[0], f[1]), new float[in[0] * in[1]], 0);
                    ResizeGeometry g = resizer.geometry();
                    for (int t = 0; t < g.contentWidth(); t++) {
                        double centre = g.toFrameX(g.padX() + t + 0.5) - 0.5;
                        if (centre >= 0 && centre <= f[0] - 1) {
                            assertEquals(centre, resizer.sampledColumn(t), 1e-4, resize + " " + g + " column " + t);
                        }
                    }
                    for (int t = 0; t < g.contentHeight(); t++) {
                        double centre = g.toFrameY(g.padY() + t + 0.5) - 0.5;
                        if (centre >= 0 && centre <= f[1] - 1) {
                            assertEquals(centre, resizer.sampledRow(t), 1e-4, resize + " " + g + " row " + t);
                        }
                    }
                }
            }
        }
    }

    @Test
    void aRectangleDrawnInTheFrameAppearsWhereTheGeometrySays() {
        Frame frame = greyFrame(200, 100);
        byte[] data = frame.data();
        for (int y = 20; y < 60; y++) {
            for (int x = 50; x < 150; x++) {
                data[y * 200 + x] = (byte) 255;
            }
        }
        FrameResizer resizer = new FrameResizer(grey("letterbox", 64, 64), Polarity.NATURAL);
        float[] input = new float[64 * 64];
        resizer.fill(frame, input, 0);
        ResizeGeometry g = resizer.geometry();
        assertEquals(16, g.padY());
        double bright = 0;
        double sumX = 0;
        double sumY = 0;
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                double v = input[y * 64 + x] == FrameResizer.PAD && (y < 16 || y >= 48) ? 0 : input[y * 64 + x] / 255;
                bright += v;
                sumX += v * (x + 0.5);
                sumY += v * (y + 0.5);
            }
        }
        double expectedArea = (g.toInputX(150) - g.toInputX(50)) * (g.toInputY(60) - g.toInputY(20));
        assertEquals(expectedArea, bright, expectedArea * 0.1, "the rectangle's area in input pixels");
        assertEquals(g.toInputX(100), sumX / bright, 0.25, "its centre x");
        assertEquals(g.toInputY(40), sumY / bright, 0.25, "its centre y");
        assertTrue(g.toInputY(40) > 16, "below the top padding");
    }
}
