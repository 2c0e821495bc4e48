package dev.edgevision.core.preprocess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.edgevision.core.frame.Frame;
import dev.edgevision.core.frame.PixelFormat;
import dev.edgevision.core.model.InputSpec;
import dev.edgevision.core.model.Polarity;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameResizerTest {
    static InputSpec rgb(String resize, String layout, String colour, int w, int h) {
        List<Integer> shape = "NHWC".equals(layout) ? List.of(1, h, w, 3) : List.of(1, 3, h, w);
        return new InputSpec("input", shape, layout, "float32", colour, List.of(0.0, 255.0), List.of(0.0, 0.0, 0.0),
                List.of(1.0, 1.0, 1.0), Polarity.NATURAL, resize);
    }

    /** A BGR frame whose blue byte is 10, green 20, red 30 everywhere. */
    static Frame uniformBgr(int w, int h) {
        Frame frame = new Frame();
        byte[] data = frame.reshape(w, h, PixelFormat.BGR24);
        for (int i = 0; i < w * h; i++) {
            data[3 * i] = 10;
            data[3 * i + 1] = 20;
            data[3 * i + 2] = 30;
        }
        return frame;
    }

    @Test
    void stretchPutsChannelsInTheModelsOrderAndLayout() {
        float[] nchw = new float[3 * 4 * 4];
        new FrameResizer(rgb("stretch", "NCHW", "rgb", 4, 4), Polarity.NATURAL).fill(uniformBgr(8, 6), nchw, 0);
        assertEquals(30f, nchw[0], 1e-3, "red plane first");
        assertEquals(20f, nchw[16], 1e-3);
        assertEquals(10f, nchw[32], 1e-3);
        float[] nhwc = new float[3 * 4 * 4];
        new FrameResizer(rgb("stretch", "NHWC", "bgr", 4, 4), Polarity.NATURAL).fill(uniformBgr(8, 6), nhwc, 0);
        assertArrayEquals(new float[] {10, 20, 30, 10, 20, 30}, java.util.Arrays.copyOf(nhwc, 6), 1e-3f);
    }

    @Test
    void letterboxKeepsAspectAndPadsWithGrey() {
        float[] input = new float[3 * 8 * 8];
        FrameResizer resizer = new FrameResizer(rgb("letterbox", "NCHW", "rgb", 8, 8), Polarity.NATURAL);
        resizer.fill(uniformBgr(16, 8), input, 0);
        for (int x = 0; x < 8; x++) {
            assertEquals(FrameResizer.PAD, input[x], 1e-3, "top two rows are padding");
            assertEquals(FrameResizer.PAD, input[7 * 8 + x], 1e-3, "bottom two rows are padding");
            assertEquals(30f, input[4 * 8 + x], 1e-3, "middle rows hold the frame");
        }
        assertArrayEquals(new double[] {0, 0}, resizer.toFrame(0, 2), 1e-9, "content row 2 is frame row 0");
        assertArrayEquals(new double[] {16, 8}, resizer.toFrame(8, 6), 1e-9);
    }

    @Test
    void greyModelOnColourFramesGetsLuma() {
        InputSpec grey = new InputSpec("input", List.of(1, 1, 2, 2), "NCHW", "float32", "grayscale",
                List.of(0.0, 255.0), List.of(0.0), List.of(1.0), Polarity.NATURAL, "stretch");
        float[] input = new float[4];
        new FrameResizer(grey, Polarity.NATURAL).fill(uniformBgr(4, 4), input, 0);
        assertEquals((77 * 30 + 150 * 20 + 29 * 10) >> 8, input[0], 1e-3);
    }
}
