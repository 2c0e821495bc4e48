package dev.edgevision.camera.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgevision.core.image.StillImageDecoder;
import dev.edgevision.core.image.StillImageDecoding;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImageDecodingsTest {
    record Fake(String name, int rank, String problem) implements StillImageDecoding {
        @Override
        public StillImageDecoder open(long maxPixels) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void autoTakesTheHighestRankThatCanRunElseImageIo() {
        Fake fast = new Fake("fast", 10, "");
        Fake broken = new Fake("broken", 20, "libfoo.so.1 missing");
        assertSame(fast, ImageDecodings.choose("auto", List.of(broken, fast, ImageIoDecoding.INSTANCE)));
        assertSame(ImageIoDecoding.INSTANCE, ImageDecodings.choose("auto", List.of(broken, ImageIoDecoding.INSTANCE)));
    }

    @Test
    void aDecodingAskedForByNameMustRun() {
        Fake broken = new Fake("broken", 20, "libfoo.so.1 missing");
        assertSame(ImageIoDecoding.INSTANCE, ImageDecodings.choose("ImageIO", List.of(broken, ImageIoDecoding.INSTANCE)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ImageDecodings.choose("broken", List.of(broken, ImageIoDecoding.INSTANCE)));
        assertTrue(e.getMessage().contains("libfoo.so.1 missing"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ImageDecodings.choose("gpu", List.of(ImageIoDecoding.INSTANCE)));
        assertTrue(e.getMessage().contains("[imageio]"), e.getMessage());
    }

    @Test
    void withoutOpenCvOnTheClassPathCameraDecodesWithImageIo() {
        assertEquals("imageio", ImageSources.decoding());
    }
}
