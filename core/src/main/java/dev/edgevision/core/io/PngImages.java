package dev.edgevision.core.io;

import dev.edgevision.core.frame.Frame;
import dev.edgevision.core.frame.PixelFormat;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * PNG (and any other format the JDK reads) to and from {@link Frame}s: grey images stay one byte per
 * pixel, everything else becomes BGR. Used for the small images model bundles carry (calibration
 * samples), not on the frame path.
 */
public final class PngImages {
    private PngImages() {
    }

    /**
     * Decodes {@code bytes} into a new frame.
     *
     * @throws IOException when the bytes are not an image the JDK can read
     */
    public static Frame decode(byte[] bytes) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
        if (image == null) {
            throw new IOException("not a PNG, JPEG or BMP image");
        }
        int w = image.getWidth();
        int h = image.getHeight();
        Frame frame = new Frame();
        boolean gray = image.getType() == BufferedImage.TYPE_BYTE_GRAY
                || image.getColorModel().getNumColorComponents() == 1;
        byte[] data = frame.reshape(w, h, gray ? PixelFormat.GRAY8 : PixelFormat.BGR24);
        // Grey samples are read from the raster: getRGB would pass them through a colour conversion.
        int shift = gray ? Math.max(0, image.getColorModel().getComponentSize(0) - 8) : 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                if (gray) {
                    data[i] = (byte) (image.getRaster().getSample(x, y, 0) >> shift);
                } else {
                    int rgb = image.getRGB(x, y);
                    data[i * 3] = (byte) (rgb & 0xFF);
                    data[i * 3 + 1] = (byte) ((rgb >> 8) & 0xFF);
                    data[i * 3 + 2] = (byte) ((rgb >> 16) & 0xFF);
                }
            }
        }
        return frame;
    }

    /** Encodes a grey or colour frame as PNG (lossless, so decoding gives the same pixels back). */
    public static byte[] encode(Frame frame) {
        boolean gray = frame.format() == PixelFormat.GRAY8;
        int w = frame.width();
        int h = frame.height();
        BufferedImage image = new BufferedImage(w, h, gray ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB);
        byte[] data = frame.data();
        int r = frame.format() == PixelFormat.RGB24 ? 0 : 2;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                if (gray) {
                    image.getRaster().setSample(x, y, 0, data[i] & 0xFF);
                } else {
                    int red = data[i * 3 + r] & 0xFF;
                    int green = data[i * 3 + 1] & 0xFF;
                    int blue = data[i * 3 + 2 - r] & 0xFF;
                    image.setRGB(x, y, (red << 16) | (green << 8) | blue);
                }
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("PNG encoding into memory failed", e);
        }
        return out.toByteArray();
    }
}
