package dev.edgevision.camera.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgevision.camera.Await;
import dev.edgevision.camera.FrameSources;
import dev.edgevision.core.frame.CaptureStatus;
import dev.edgevision.core.frame.Frame;
import dev.edgevision.core.frame.FrameSource;
import dev.edgevision.core.frame.PixelFormat;
import dev.edgevision.core.frame.SourceState;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageSourcesTest {
    private static final Duration WAIT = Duration.ofSeconds(2);

    @TempDir
    Path folder;

    private Path write(String name, String format, Color color, int imageType) throws IOException {
        BufferedImage image = new BufferedImage(40, 30, imageType);
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, 40, 30);
        g.dispose();
        Path file = folder.resolve(name);
        ImageIO.write(image, format, file.toFile());
        return file;
    }

    @Test
    void aFolderPlaysInNameOrderSkippingACorruptImageAndNamingIt() throws Exception {
        write("a.png", "png", Color.RED, BufferedImage.TYPE_INT_RGB);
        Path green = write("b.png", "png", Color.GREEN, BufferedImage.TYPE_INT_ARGB);
        write("c.bmp", "bmp", Color.BLUE, BufferedImage.TYPE_3BYTE_BGR);
        Files.write(folder.resolve("broken.png"), Arrays.copyOf(Files.readAllBytes(green), 60));
        Files.writeString(folder.resolve("notes.txt"), "not an image, not looked at");

        try (FrameSource source = FrameSources.open("file://" + folder)) {
            Frame frame = new Frame();
            int[][] expectedBgr = {{0, 0, 255}, {0, 255, 0}, {255, 0, 0}};
            for (int i = 0; i < 3; i++) {
                assertEquals(CaptureStatus.OK, source.grab(frame, WAIT));
                assertEquals(i + 1, frame.sequence());
                assertEquals(PixelFormat.BGR24, frame.format());
                assertEquals(40, frame.width());
                assertEquals(30, frame.height());
                int centre = (15 * 40 + 20) * 3;
                int[] bgr = {frame.data()[centre] & 0xFF, frame.data()[centre + 1] & 0xFF, frame.data()[centre + 2] & 0xFF};
                assertEquals(Arrays.toString(expectedBgr[i]), Arrays.toString(bgr), "image " + i + " in name order");
            }
            assertEquals(CaptureStatus.END_OF_STREAM, source.grab(frame, WAIT));
            assertEquals(SourceState.ENDED, source.status().state());
            String error = source.status().lastError();
            assertTrue(error.contains("broken.png") && error.contains("corrupt or truncated"), error);
            assertEquals(0, source.status().dropped());
        }
    }

    @Test
    void oneImageGivesOneFrameOrLoopsForever() throws Exception {
        Path image = write("still.jpg", "jpg", Color.WHITE, BufferedImage.TYPE_INT_RGB);
        Frame frame = new Frame();
        try (FrameSource once = FrameSources.open("file://" + image)) {
            assertEquals(CaptureStatus.OK, once.grab(frame, WAIT));
            assertEquals(CaptureStatus.END_OF_STREAM, once.grab(frame, WAIT));
        }
        try (FrameSource looping = FrameSources.open("file://" + image + "?loop=true")) {
            for (long sequence = 1; sequence <= 5; sequence++) {
                assertEquals(CaptureStatus.OK, looping.grab(frame, WAIT));
                assertEquals(sequence, frame.sequence());
            }
            assertEquals(SourceState.STREAMING, looping.status().state());
        }
    }

    @Test
    void aLoopOverOneImageKeepsItsFrameRate() throws Exception {
        Path image = write("page.png", "png", Color.WHITE, BufferedImage.TYPE_INT_RGB);
        Frame frame = new Frame();
        try (FrameSource looping = FrameSources.open("file://" + image + "?fps=20&loop=true")) {
            assertEquals(CaptureStatus.OK, looping.grab(frame, WAIT));
            long first = frame.sequence();
            long start = System.nanoTime();
            for (int i = 0; i < 10; i++) {
                assertEquals(CaptureStatus.OK, looping.grab(frame, WAIT));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long made = frame.sequence() - first;
            // At 20 frames/s, 10 fresh frames take about 0.5 s; unpaced, the loop makes thousands a second.
            assertTrue(seconds >= 0.4, "10 frames at fps=20 came in " + seconds + " s");
            assertTrue(made <= 10 + 20 * seconds + 2, made + " frames made in " + seconds + " s at fps=20");
        }
    }

    @Test
    void missingOrEmptyFoldersFailWithTheReason() throws Exception {
        Path empty = Files.createDirectory(folder.resolve("empty"));
        try (FrameSource source = FrameSources.open("file://" + empty)) {
            assertEquals(CaptureStatus.ERROR, source.grab(new Frame(), WAIT));
            assertEquals(SourceState.FAILED, source.status().state());
            assertTrue(source.status().lastError().contains("holds no image (.jpg"), source.status().lastError());
        }
        try (FrameSource source = FrameSources.open("file://" + folder.resolve("nothing-here"))) {
            Await.until(WAIT, () -> source.status().state() == SourceState.FAILED, source::status);
            assertTrue(source.status().lastError().contains("no such file or folder"), source.status().lastError());
        }
        Files.write(folder.resolve("fake.jpg"), new byte[] {1, 2, 3, 4});
        try (FrameSource source = FrameSources.open("file://" + folder.resolve("fake.jpg"))) {
            assertEquals(CaptureStatus.ERROR, source.grab(new Frame(), WAIT));
            assertTrue(source.status().lastError().contains("fake.jpg"), source.status().lastError());
        }
    }
}
