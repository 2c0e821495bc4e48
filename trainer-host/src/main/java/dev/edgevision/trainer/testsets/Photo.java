package dev.edgevision.trainer.testsets;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * What a cheap camera does to a page, done on an interleaved BGR byte array: a separable box blur
 * applied twice (close to a Gaussian), Gaussian sensor noise per channel, and a JPEG round trip
 * through ImageIO.
 */
final class Photo {
    private Photo() {
    }

    /** Blurs {@code image} in place with a box of radius {@code radius} run twice each way; 0 does nothing. */
    static void blur(BufferedImage image, int radius) {
        if (radius <= 0) {
            return;
        }
        byte[] px = pixels(image);
        int w = image.getWidth();
        int h = image.getHeight();
        int[] line = new int[Math.max(w, h) * 3];
        for (int pass = 0; pass < 2; pass++) {
            for (int y = 0; y < h; y++) {
                boxLine(px, y * w * 3, 3, w, radius, line);
            }
            for (int x = 0; x < w; x++) {
                boxLine(px, x * 3, w * 3, h, radius, line);
            }
        }
    }

    private static void boxLine(byte[] px, int start, int step, int n, int radius, int[] line) {
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < 3; c++) {
                line[i * 3 + c] = px[start + i * step + c] & 0xFF;
            }
        }
        for (int c = 0; c < 3; c++) {
            int sum = 0;
            for (int i = -radius; i <= radius; i++) {
                sum += line[Math.max(0, Math.min(n - 1, i)) * 3 + c];
            }
            for (int i = 0; i < n; i++) {
                px[start + i * step + c] = (byte) (sum / (2 * radius + 1));
                sum += line[Math.min(n - 1, i + radius + 1) * 3 + c] - line[Math.max(0, i - radius) * 3 + c];
            }
        }
    }

    /** Adds Gaussian noise of {@code sigma} grey levels to every channel of every pixel. */
    static void noise(BufferedImage image, double sigma, Random random) {
        byte[] px = pixels(image);
        for (int i = 0; i < px.length; i++) {
            int v = (px[i] & 0xFF) + (int) Math.round(random.nextGaussian() * sigma);
            px[i] = (byte) Math.max(0, Math.min(255, v));
        }
    }

    /** {@code image} encoded as JPEG at {@code quality} (0..1) and decoded again, as a new BGR image. */
    static BufferedImage jpeg(BufferedImage image, float quality) {
        try {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
                writer.setOutput(out);
                ImageWriteParam param = writer.getDefaultWriteParam();
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(quality);
                writer.write(null, new IIOImage(image, null, null), param);
            } finally {
                writer.dispose();
            }
            BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(bytes.toByteArray()));
            BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
            out.getGraphics().drawImage(decoded, 0, 0, null);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("JPEG round trip in memory failed", e);
        }
    }

    static byte[] pixels(BufferedImage image) {
        return ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    }
}
