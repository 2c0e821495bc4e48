package dev.edgevision.opencv;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_JPEG_QUALITY;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;

import java.nio.ByteBuffer;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Encodes packed BGR pixels as JPEG through OpenCV's {@code imencode} (libjpeg-turbo in the
 * presets): the pixels are copied into a native image kept while the size stays the same, encoded,
 * and the JPEG copied out; per image only the JPEG's own bytes are allocated (OpenCV's output
 * vector and the returned array). Open it only once {@link OpenCvRuntime#codecsAvailable()}. One
 * thread.
 */
public final class OpenCvJpegEncoder implements AutoCloseable {
    private final IntPointer params;
    private Mat image;
    private ByteBuffer pixels;

    /**
     * @param quality JPEG quality, 1 to 100 (IJG scale, as ImageIO's compression quality times 100)
     * @throws IllegalStateException when OpenCV's image codecs do not load, saying why
     */
    public OpenCvJpegEncoder(int quality) {
        if (quality < 1 || quality > 100) {
            throw new IllegalArgumentException("JPEG quality must be between 1 and 100, got " + quality);
        }
        if (!OpenCvRuntime.codecsAvailable()) {
            throw new IllegalStateException(OpenCvRuntime.codecsProblem());
        }
        params = new IntPointer(IMWRITE_JPEG_QUALITY, quality);
    }

    /** The JPEG of {@code bgr} (width x height x 3 bytes, rows packed). */
    public byte[] encode(byte[] bgr, int width, int height) {
        if (image == null || image.cols() != width || image.rows() != height) {
            if (image != null) {
                image.close();
            }
            image = new Mat(height, width, CV_8UC3);
            pixels = image.createBuffer();
        }
        pixels.put(0, bgr, 0, width * height * 3);
        try (BytePointer out = new BytePointer()) {
            if (!imencode(".jpg", image, out, params)) {
                throw new IllegalStateException("OpenCV " + OpenCvRuntime.version() + " could not encode a "
                        + width + " x " + height + " JPEG");
            }
            byte[] jpeg = new byte[(int) out.limit()];
            out.get(jpeg);
            return jpeg;
        }
    }

    @Override
    public void close() {
        if (image != null) {
            image.close();
            image = null;
        }
        params.close();
    }
}
