package dev.edgevision.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.edgevision.core.frame.Frame;
import dev.edgevision.core.frame.PixelFormat;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class PngImagesTest {
    @Test
    void greyImagesComeBackByteForByte() throws IOException {
        Frame frame = new Frame();
        byte[] data = frame.reshape(7, 5, PixelFormat.GRAY8);
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 7);
        }
        Frame back = PngImages.decode(PngImages.encode(frame));
        assertEquals(PixelFormat.GRAY8, back.format());
        assertEquals(7, back.width());
        assertEquals(5, back.height());
        assertArrayEquals(frame.pixels(), back.pixels());
    }

    @Test
    void colourImagesComeBackAsBgr() throws IOException {
        Frame frame = new Frame();
        byte[] data = frame.reshape(2, 1, PixelFormat.RGB24);
        data[0] = (byte) 200; // red of the first pixel
        data[5] = (byte) 100; // blue of the second
        Frame back = PngImages.decode(PngImages.encode(frame));
        assertEquals(PixelFormat.BGR24, back.format());
        assertArrayEquals(new byte[] {0, 0, (byte) 200, 100, 0, 0}, back.pixels());
    }

    @Test
    void bytesThatAreNoImageAreRefused() {
        IOException e = assertThrows(IOException.class, () -> PngImages.decode("hello".getBytes()));
        assertEquals("not a PNG, JPEG or BMP image", e.getMessage());
    }
}
