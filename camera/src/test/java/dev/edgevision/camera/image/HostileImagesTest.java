package dev.edgevision.camera.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgevision.camera.FrameSources;
import dev.edgevision.core.frame.CaptureStatus;
import dev.edgevision.core.frame.Frame;
import dev.edgevision.core.frame.FrameSource;
import dev.edgevision.core.frame.SourceState;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Small image files that claim to be huge, and images cut short. */
@Tag("bad-input")
class HostileImagesTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    /** A tiny PNG whose header says {@code width} x {@code height}. */
    static byte[] pngClaiming(int width, int height) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_3BYTE_BGR), "png", out);
        byte[] png = out.toByteArray();
        ByteBuffer b = ByteBuffer.wrap(png);
        b.putInt(16, width).putInt(20, height); // IHDR data starts after signature (8), length (4), type (4)
        CRC32 crc = new CRC32();
        crc.update(png, 12, 4 + 13);
        b.putInt(12 + 4 + 13, (int) crc.getValue());
        return png;
    }

    static byte[] jpeg(int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Random random = new Random(5);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt());
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }

    @Test
    void anImageDeclaringTooManyPixelsIsRefusedBeforeDecodingNamingFileAndSize() throws Exception {
        Path bomb = Files.write(dir.resolve("bomb.png"), pngClaiming(20000, 20000));
        try (FrameSource source = FrameSources.open(bomb.toUri() + "?fps=0")) {
            assertEquals(CaptureStatus.ERROR, source.grab(new Frame(), WAIT));
            String error = source.status().lastError();
            assertTrue(error.contains("bomb.png") && error.contains("20000 x 20000") && error.contains("400.0 megapixels")
                    && error.contains("max_pixels"), error);
        }
        try (FrameSource source = FrameSources.open(bomb.toUri() + "?fps=0&max_pixels=100")) {
            assertEquals(CaptureStatus.ERROR, source.grab(new Frame(), WAIT));
            assertTrue(source.status().lastError().contains("limit of 100 pixels"), source.status().lastError());
        }
    }

    @Test
    void aFolderCameraSkipsTheHugeImageAndGoesOn() throws Exception {
        Files.write(dir.resolve("a-bomb.png"), pngClaiming(20000, 20000));
        ImageIO.write(new BufferedImage(32, 24, BufferedImage.TYPE_3BYTE_BGR), "png", dir.resolve("b-good.png").toFile());
        try (FrameSource source = FrameSources.open(dir.toUri() + "?fps=0&loop=true")) {
            Frame frame = new Frame();
            for (int i = 0; i < 5; i++) {
                assertEquals(CaptureStatus.OK, source.grab(frame, WAIT), "frame " + i);
                assertEquals(32, frame.width());
            }
            assertEquals(SourceState.STREAMING, source.status().state());
            assertTrue(source.status().lastError().contains("a-bomb.png"), source.status().lastError());
        }
    }

    @Test
    void aTruncatedJpegIsDamagedNotSilentlyGrey() throws Exception {
        byte[] whole = jpeg(96, 64);
        Path cut = Files.write(dir.resolve("cut.jpg"), Arrays.copyOf(whole, whole.length * 6 / 10));
        try (FrameSource source = FrameSources.open(cut.toUri() + "?fps=0")) {
            assertEquals(CaptureStatus.ERROR, source.grab(new Frame(), WAIT));
            String error = source.status().lastError();
            assertTrue(error.contains("cut.jpg") && error.contains("damaged"), error);
        }
        Path ok = Files.write(dir.resolve("ok.jpg"), whole);
        try (FrameSource source = FrameSources.open(ok.toUri() + "?fps=0")) {
            assertEquals(CaptureStatus.OK, source.grab(new Frame(), WAIT), "" + source.status());
        }
    }
}
