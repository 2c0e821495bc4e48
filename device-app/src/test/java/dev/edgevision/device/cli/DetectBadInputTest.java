package dev.edgevision.device.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgevision.core.testing.CapturedRun;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code detect} on bad images and a bad command line: each named, status 1, no crash. */
@Tag("bad-input")
class DetectBadInputTest {
    static final String BUNDLE = Path.of("..", "models", "digits.vbundle").toString();

    @TempDir
    Path dir;

    @Test
    void imagesDecodeThroughOpenCvWhenItsNativesLoad() {
        // -Dedgevision.decode=imageio runs these tests on the fallback.
        String want = "imageio".equals(System.getProperty("edgevision.decode"))
                || !dev.edgevision.opencv.OpenCvRuntime.codecsAvailable() ? "imageio" : "opencv";
        assertEquals(want, dev.edgevision.camera.image.ImageSources.decoding());
    }

    @Test
    void aTruncatedJpegIsReportedAsDamaged() throws Exception {
        BufferedImage image = new BufferedImage(120, 90, BufferedImage.TYPE_3BYTE_BGR);
        Random random = new Random(9);
        for (int y = 0; y < 90; y++) {
            for (int x = 0; x < 120; x++) {
                image.setRGB(x, y, random.nextInt());
            }
        }
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", jpeg);
        Path cut = Files.write(dir.resolve("cut.jpg"), Arrays.copyOf(jpeg.toByteArray(), jpeg.size() / 2));
        CapturedRun run = CliRun.of("detect", "--model", BUNDLE, cut.toString());
        assertEquals(1, run.status(), run.err());
        assertTrue(run.err().contains("cut.jpg") && run.err().contains("damaged"), run.err());
        assertTrue(run.out().isBlank(), "no record for a damaged image: " + run.out());
    }

    @Test
    void aSmallPngDeclaringAHugeSizeIsRefusedNamingItsSize() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY), "png", out);
        byte[] png = out.toByteArray();
        ByteBuffer.wrap(png).putInt(16, 20000).putInt(20, 20000);
        CRC32 crc = new CRC32();
        crc.update(png, 12, 17);
        ByteBuffer.wrap(png).putInt(29, (int) crc.getValue());
        Path bomb = Files.write(dir.resolve("bomb.png"), png);
        CapturedRun run = CliRun.of("detect", "--model", BUNDLE, bomb.toString());
        assertEquals(1, run.status(), run.err());
        assertTrue(run.err().contains("bomb.png") && run.err().contains("20000 x 20000"), run.err());
    }

    @Test
    void negativeThreadsAreRefused() {
        CapturedRun run = CliRun.of("detect", "--model", BUNDLE, "--threads", "-3", dir.toString());
        assertEquals(1, run.status(), run.err());
        assertTrue(run.err().contains("--threads must be 0 (ONNX Runtime's default) or more, got -3"), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
    }
}
