package dev.edgevision.trainer.detector.scenes.sets;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.MultipleGradientPaint;
import java.awt.RadialGradientPaint;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.DataBufferByte;
import java.awt.image.Kernel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import java.util.SplittableRandom;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * The light and camera of a font scene, with the JDK's own tools: translucent gradient paints for
 * darker corners and a soft shadow, a {@link ConvolveOp} Gaussian for focus blur, Gaussian sensor
 * noise, and a real JPEG encode and decode through ImageIO at a random quality.
 */
final class FontCamera {
    /** Darker corners (half the scenes) and a shadow band (a quarter). */
    void light(Graphics2D g, int w, int h, SplittableRandom random) {
        if (random.nextDouble() < 0.5) {
            float radius = (float) Math.hypot(w, h) / 2;
            Color dark = new Color(0, 0, 0, 40 + random.nextInt(60));
            g.setPaint(new RadialGradientPaint(new Point2D.Double(w * (0.3 + 0.4 * random.nextDouble()),
                    h * (0.3 + 0.4 * random.nextDouble())), radius, new float[] {0.3f, 1f},
                    new Color[] {new Color(0, 0, 0, 0), dark}, MultipleGradientPaint.CycleMethod.NO_CYCLE));
            g.fillRect(0, 0, w, h);
        }
        if (random.nextDouble() < 0.25) {
            double angle = 2 * Math.PI * random.nextDouble();
            double cx = w * random.nextDouble();
            double cy = h * random.nextDouble();
            float soft = 20 + 60 * (float) random.nextDouble();
            float ex = (float) (cx + Math.cos(angle) * soft);
            float ey = (float) (cy + Math.sin(angle) * soft);
            g.setPaint(new GradientPaint((float) cx, (float) cy, new Color(0, 0, 0, 0), ex, ey,
                    new Color(0, 0, 0, 60 + random.nextInt(70))));
            g.fillRect(0, 0, w, h);
        }
    }

    /** The picture as the camera delivers it: maybe blurred, noisy, maybe JPEG-compressed; a new image. */
    BufferedImage develop(BufferedImage page, SplittableRandom random) {
        BufferedImage image = page;
        if (random.nextDouble() < 0.4) {
            image = new ConvolveOp(gaussian(0.5 + 1.0 * random.nextDouble()), ConvolveOp.EDGE_NO_OP, null).filter(page, null);
        } else {
            image = copy(page);
        }
        noise(image, 1 + 6 * random.nextDouble(), new Random(random.nextLong()));
        if (random.nextDouble() < 0.5) {
            image = jpeg(image, 0.3f + 0.6f * (float) random.nextDouble());
        }
        return image;
    }

    private static Kernel gaussian(double sigma) {
        int radius = (int) Math.ceil(2.5 * sigma);
        int size = 2 * radius + 1;
        float[] weights = new float[size * size];
        double sum = 0;
        for (int y = -radius; y <= radius; y++) {
            for (int x = -radius; x <= radius; x++) {
                double v = Math.exp(-(x * x + y * y) / (2 * sigma * sigma));
                weights[(y + radius) * size + x + radius] = (float) v;
                sum += v;
            }
        }
        for (int i = 0; i < weights.length; i++) {
            weights[i] /= (float) sum;
        }
        return new Kernel(size, size, weights);
    }

    private static BufferedImage copy(BufferedImage page) {
        BufferedImage out = new BufferedImage(page.getWidth(), page.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        out.setData(page.getRaster());
        return out;
    }

    private static void noise(BufferedImage image, double sigma, Random random) {
        byte[] pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < pixels.length; i++) {
            int v = (pixels[i] & 0xFF) + (int) Math.round(random.nextGaussian() * sigma);
            pixels[i] = (byte) Math.max(0, Math.min(255, v));
        }
    }

    private static BufferedImage jpeg(BufferedImage image, float quality) {
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
            Graphics2D g = out.createGraphics();
            g.drawImage(decoded, 0, 0, null);
            g.dispose();
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("JPEG round trip in memory failed", e);
        }
    }
}
