package dev.edgevision.device.snapshot;

import dev.edgevision.opencv.OpenCvJpegEncoder;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/**
 * OpenCV's {@code imencode} on the annotated image's packed BGR bytes ({@link OpenCvJpegEncoder}),
 * at ImageIO's quality times 100.
 */
final class OpenCvJpegWriter implements JpegWriter {
    private final OpenCvJpegEncoder encoder;

    OpenCvJpegWriter(double quality) {
        this.encoder = new OpenCvJpegEncoder((int) Math.round(quality * 100));
    }

    @Override
    public String name() {
        return "opencv";
    }

    @Override
    public byte[] write(BufferedImage image) {
        byte[] bgr = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        return encoder.encode(bgr, image.getWidth(), image.getHeight());
    }
}
