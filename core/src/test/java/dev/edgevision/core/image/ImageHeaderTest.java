package dev.edgevision.core.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ImageHeaderTest {
    static byte[] encode(String format, int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, (x * 7919 + y * 104729) * 2654435761L > 0 ? 0x336699 * (x + y) : x * y);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(image, format, out), format);
        return out.toByteArray();
    }

    static ImageHeader header(byte[] bytes) {
        return ImageHeader.read(ByteBuffer.wrap(bytes));
    }

    @Test
    void readsTheSizeOfWholeFiles() throws Exception {
        for (String format : new String[] {"jpeg", "png", "bmp"}) {
            assertEquals(new ImageHeader(format, 97, 61, true), header(encode(format, 97, 61)), format);
        }
    }

    @Test
    void filesCutShortAreIncomplete() throws Exception {
        for (String format : new String[] {"jpeg", "png", "bmp"}) {
            byte[] whole = encode(format, 97, 61);
            ImageHeader cut = header(Arrays.copyOf(whole, whole.length * 6 / 10));
            assertEquals(97, cut.width(), format);
            assertFalse(cut.complete(), format);
            ImageHeader stub = header(Arrays.copyOf(whole, 12));
            assertFalse(stub.complete(), format);
            assertEquals(format, stub.format());
        }
    }

    @Test
    void otherContentIsNoImage() {
        assertNull(header("GIF89a, or any text".getBytes(StandardCharsets.US_ASCII)));
        assertNull(header(new byte[0]));
    }

    @Test
    void sizesAboveTheLimitAreRefusedWithTheLimitNamed() {
        IOException e = assertThrows(IOException.class, () -> ImageChecks.requireSize(20000, 20000, 40_000_000));
        assertTrue(e.getMessage().contains("20000 x 20000 pixels (400.0 megapixels)")
                && e.getMessage().contains("limit of 40.0 megapixels") && e.getMessage().contains("max_pixels"),
                e.getMessage());
        assertThrows(IOException.class, () -> ImageChecks.requireSize(0, 10, 100));
    }
}
