package dev.edgevision.opencv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.edgevision.camera.FrameSources;
import dev.edgevision.camera.image.BgrImages;
import dev.edgevision.camera.image.ImageSources;
import dev.edgevision.core.frame.CaptureStatus;
import dev.edgevision.core.frame.Frame;
import dev.edgevision.core.frame.FrameSource;
import dev.edgevision.core.frame.PixelFormat;
import dev.edgevision.core.frame.SourceState;
import dev.edgevision.core.image.StillImageDecoder;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OpenCV's image decoding against ImageIO's, and the hostile files camera's tests give ImageIO:
 * PNG and BMP decode to the same bytes, JPEG within {@value #JPEG_LEVELS} levels per byte
 * (libjpeg-turbo's and the JDK's IDCT and upsampling differ) and {@value #JPEG_MEAN} on average;
 * images above the pixel limit, cut short or not images at all give the errors ImageIO's path gives.
 */
class OpenCvImageDecoderTest {
    static final int JPEG_LEVELS = 8;
    static final double JPEG_MEAN = 1.0;
    private static final Duration WAIT = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    @BeforeAll
    static void natives() {
        assumeTrue(OpenCvRuntime.codecsAvailable(), OpenCvRuntime::codecsProblem);
    }

    static BufferedImage picture(int width, int height, int type) {
        BufferedImage image = new BufferedImage(width, height, type);
        Random random = new Random(3);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int smooth = (x * 255 / width) << 16 | (y * 255 / height) << 8 | ((x + y) * 3 & 0xFF);
                image.setRGB(x, y, (x / 16 + y / 16) % 5 == 0 ? random.nextInt() : smooth);
            }
        }
        return image;
    }

    static byte[] encode(BufferedImage image, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(image, format, out), format);
        return out.toByteArray();
    }

    static Frame viaImageIo(Path file) throws IOException {
        Frame frame = new Frame();
        new BgrImages().copy(ImageIO.read(file.toFile()), frame);
        return frame;
    }

    @Test
    void cameraChoosesOpenCvWhenItIsOnTheClassPath() {
        assertEquals("opencv", ImageSources.decoding());
    }

    @Test
    void decodesWhatImageIoDecodes() throws Exception {
        try (StillImageDecoder decoder = new OpenCvImageDecoding().open(40_000_000)) {
            Frame frame = new Frame();
            int[] types = {BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_BYTE_GRAY};
            for (int type : types) {
                for (String format : new String[] {"png", "bmp", "jpg"}) {
                    for (int[] size : new int[][] {{640, 480}, {97, 61}, {640, 480}}) {
                        Path file = Files.write(dir.resolve("p" + type + "-" + size[0] + "." + format),
                                encode(picture(size[0], size[1], type), format));
                        Frame want = viaImageIo(file);
                        decoder.decode(file, frame);
                        String what = format + " type " + type + " " + size[0] + "x" + size[1];
                        assertEquals(PixelFormat.BGR24, frame.format(), what);
                        assertEquals(want.width(), frame.width(), what);
                        assertEquals(want.height(), frame.height(), what);
                        byte[] a = Arrays.copyOf(want.data(), want.byteCount());
                        byte[] b = Arrays.copyOf(frame.data(), frame.byteCount());
                        if (!"jpg".equals(format)) {
                            assertArrayEquals(a, b, what);
                            continue;
                        }
                        long sum = 0;
                        int max = 0;
                        for (int i = 0; i < a.length; i++) {
                            int d = Math.abs((a[i] & 0xFF) - (b[i] & 0xFF));
                            sum += d;
                            max = Math.max(max, d);
                        }
                        assertTrue(max <= JPEG_LEVELS, what + ": max difference " + max);
                        assertTrue((double) sum / a.length <= JPEG_MEAN, what + ": mean difference " + (double) sum / a.length);
                    }
                }
            }
        }
    }

    /** Median decode milliseconds of a 640x480 JPEG and PNG, ImageIO and OpenCV alternating, one process. */
    @Test
    void timesBothDecoders() throws Exception {
        for (String format : new String[] {"jpg", "png"}) {
            Path file = Files.write(dir.resolve("t." + format), encode(picture(640, 480, BufferedImage.TYPE_3BYTE_BGR), format));
            long[][] nanos = new long[2][100];
            BgrImages bgr = new BgrImages();
            Frame a = new Frame();
            Frame b = new Frame();
            try (StillImageDecoder opencv = new OpenCvImageDecoding().open(40_000_000)) {
                for (int i = -30; i < 100; i++) {
                    long t0 = System.nanoTime();
                    bgr.copy(ImageIO.read(file.toFile()), a);
                    long t1 = System.nanoTime();
                    opencv.decode(file, b);
                    long t2 = System.nanoTime();
                    if (i >= 0) {
                        nanos[0][i] = t1 - t0;
                        nanos[1][i] = t2 - t1;
                    }
                }
            }
            assertEquals(a.width(), b.width());
            Arrays.sort(nanos[0]);
            Arrays.sort(nanos[1]);
            System.out.printf(java.util.Locale.ROOT, "decode 640x480 %s (%d bytes), median of 100: imageio %.2f ms,"
                    + " opencv %.2f ms%n", format, Files.size(file), nanos[0][50] / 1e6, nanos[1][50] / 1e6);
        }
    }

    /** A tiny PNG whose header says {@code width} x {@code height}. */
    static byte[] pngClaiming(int width, int height) throws Exception {
        byte[] png = encode(new BufferedImage(8, 8, BufferedImage.TYPE_3BYTE_BGR), "png");
        ByteBuffer b = ByteBuffer.wrap(png);
        b.putInt(16, width).putInt(20, height);
        CRC32 crc = new CRC32();
        crc.update(png, 12, 4 + 13);
        b.putInt(12 + 4 + 13, (int) crc.getValue());
        return png;
    }

    static String firstError(Path file, String query) {
        try (FrameSource source = FrameSources.open(file.toUri() + "?fps=0" + query)) {
            assertEquals(CaptureStatus.ERROR, source.grab(new Frame(), WAIT));
            return source.status().lastError();
        }
    }

    @Test
    void anImageDeclaringTooManyPixelsIsRefusedBeforeDecoding() throws Exception {
        Path bomb = Files.write(dir.resolve("bomb.png"), pngClaiming(20000, 20000));
        String error = firstError(bomb, "");
        assertTrue(error.contains("bomb.png") && error.contains("20000 x 20000") && error.contains("400.0 megapixels")
                && error.contains("max_pixels"), error);
        assertTrue(firstError(bomb, "&max_pixels=100").contains("limit of 100 pixels"));
        byte[] big = encode(picture(640, 480, BufferedImage.TYPE_3BYTE_BGR), "bmp");
        Path wide = Files.write(dir.resolve("wide.bmp"), big);
        assertTrue(firstError(wide, "&max_pixels=1000").contains("640 x 480 pixels (0.3 megapixels)"),
                firstError(wide, "&max_pixels=1000"));
    }

    @Test
    void imagesCutShortAreDamagedNotSilentlyGrey() throws Exception {
        for (String format : new String[] {"jpg", "png", "bmp"}) {
            byte[] whole = encode(picture(96, 64, BufferedImage.TYPE_3BYTE_BGR), format);
            Path cut = Files.write(dir.resolve("cut." + format), Arrays.copyOf(whole, whole.length * 6 / 10));
            String error = firstError(cut, "");
            assertTrue(error.contains("cut." + format) && error.contains("damaged") && error.contains("complete"), error);
            Path stub = Files.write(dir.resolve("stub." + format), Arrays.copyOf(whole, 10));
            error = firstError(stub, "");
            assertTrue(error.contains("stub." + format) && error.contains("damaged"), error);
        }
    }

    @Test
    void aFileThatIsNoImageSaysSo() throws Exception {
        Path fake = Files.writeString(dir.resolve("fake.jpg"), "not an image at all", StandardCharsets.US_ASCII);
        String error = firstError(fake, "");
        assertTrue(error.contains("fake.jpg") && error.contains("no image decoder recognises its content")
                && error.contains("JPG"), error);
        try (StillImageDecoder decoder = new OpenCvImageDecoding().open(1000)) {
            Path empty = Files.write(dir.resolve("empty.png"), new byte[0]);
            assertThrows(IOException.class, () -> decoder.decode(empty, new Frame()));
        }
    }

    @Test
    void aFolderSkipsTheBadImagesAndGoesOn() throws Exception {
        Files.write(dir.resolve("a-bomb.png"), pngClaiming(20000, 20000));
        byte[] jpeg = encode(picture(96, 64, BufferedImage.TYPE_3BYTE_BGR), "jpg");
        Files.write(dir.resolve("b-cut.jpg"), Arrays.copyOf(jpeg, jpeg.length / 2));
        Files.write(dir.resolve("c-good.jpg"), jpeg);
        try (FrameSource source = FrameSources.open(dir.toUri() + "?fps=0&loop=true")) {
            Frame frame = new Frame();
            for (int i = 0; i < 5; i++) {
                assertEquals(CaptureStatus.OK, source.grab(frame, WAIT), "frame " + i);
                assertEquals(96, frame.width());
            }
            assertEquals(SourceState.STREAMING, source.status().state());
        }
    }
}
