package dev.edgevision.device.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgevision.core.detect.BoundingBox;
import dev.edgevision.core.detect.Detection;
import dev.edgevision.core.frame.Frame;
import dev.edgevision.core.frame.PixelFormat;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class AnnotatedJpegTest {
    @Test
    void drawsTheBoxOnTheFrameAndEncodesAJpegOfTheFrameSize() throws Exception {
        Frame frame = grey(320, 240, PixelFormat.BGR24, (byte) 200);
        AnnotatedJpeg jpeg = new AnnotatedJpeg(0.9);
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
