package dev.edgevision.device.snapshot;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** The JDK's JPEG writer, the fallback: its output buffer is kept, so a JPEG allocates only its bytes. */
final class ImageIoJpegWriter implements JpegWriter {
    private final ImageWriter writer;
    private final ImageWriteParam param;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);

    ImageIoJpegWriter(double quality) {
        this.writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        this.param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality((float) quality);
    }

    @Override
    public String name() {
        return "imageio";
    }

    @Override
    public byte[] write(BufferedImage image) {
        out.reset();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("JPEG encoding failed: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }
}
