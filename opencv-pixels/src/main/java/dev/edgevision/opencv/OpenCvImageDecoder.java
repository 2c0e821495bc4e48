package dev.edgevision.opencv;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_IGNORE_ORIENTATION;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;

import dev.edgevision.core.frame.Frame;
import dev.edgevision.core.frame.PixelFormat;
import dev.edgevision.core.image.ImageChecks;
import dev.edgevision.core.image.ImageHeader;
import dev.edgevision.core.image.StillImageDecoder;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Still images through OpenCV's {@code imdecode}: the file is read into a native buffer kept from
 * image to image (it grows to the largest file), its header read and checked against the pixel
 * limit and for completeness ({@link ImageHeader}, {@link ImageChecks}: libjpeg only warns of a JPEG
 * that ends early and fills the rest grey) before any pixel is decoded, then decoded as BGR into a
 * native image reused while the size stays the same, and copied into the frame. EXIF orientation is
 * ignored, as ImageIO does; an alpha channel is dropped. One thread.
 */
final class OpenCvImageDecoder implements StillImageDecoder {
    private final long maxPixels;
    private BytePointer file = new BytePointer(0L);
    private ByteBuffer fileBytes = ByteBuffer.allocateDirect(0);
    private final Mat decoded = new Mat();

    OpenCvImageDecoder(long maxPixels) {
        this.maxPixels = maxPixels;
    }

    @Override
    public String name() {
        return "opencv";
    }

    @Override
    public void decode(Path path, Frame into) throws IOException {
        int size = read(path);
        ImageHeader header = ImageHeader.read(fileBytes);
        if (header == null) {
            throw ImageChecks.notAnImage(path);
        }
        if (!header.complete() && (header.width() <= 0 || header.height() <= 0)) {
            throw ImageChecks.damaged("the file ends inside its " + header.format().toUpperCase(Locale.ROOT) + " header");
        }
        ImageChecks.requireSize(header.width(), header.height(), maxPixels);
        if (!header.complete()) {
            throw ImageChecks.damaged("the " + header.format().toUpperCase(Locale.ROOT) + " data ends before the image does");
        }
        try (Mat buffer = new Mat(1, size, CV_8UC1, file);
             Mat result = imdecode(buffer, IMREAD_COLOR | IMREAD_IGNORE_ORIENTATION, decoded)) {
            if (decoded.empty() || decoded.type() != CV_8UC3) {
                throw ImageChecks.damaged("OpenCV " + OpenCvRuntime.version() + " could not decode its "
                        + header.format().toUpperCase(Locale.ROOT) + " data");
            }
        }
        if (decoded.cols() != header.width() || decoded.rows() != header.height()) {
            throw ImageChecks.damaged("it decoded to " + decoded.cols() + " x " + decoded.rows() + " pixels where its"
                    + " header says " + header.width() + " x " + header.height());
        }
        byte[] target = into.reshape(decoded.cols(), decoded.rows(), PixelFormat.BGR24);
        decoded.data().get(target, 0, into.byteCount());
    }

    /** Reads the whole file into {@link #fileBytes} (position 0, limit its size); returns the size. */
    private int read(Path path) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = channel.size();
            // No JPEG, PNG or BMP within the pixel limit takes more than 4 bytes a pixel, plus metadata.
            long most = Math.min(Integer.MAX_VALUE - 8, 4 * maxPixels + (16L << 20));
            if (size > most) {
                throw new IOException("the file is " + size + " bytes, more than an image within the limit of "
                        + maxPixels + " pixels can take: shrink the image, or raise the limit with ?max_pixels=N"
                        + " on the file:// URI if the board has the memory");
            }
            if (size > fileBytes.capacity()) {
                file.close();
                file = new BytePointer(Math.max(size, 2L * fileBytes.capacity()));
                fileBytes = file.asBuffer();
            }
            fileBytes.clear().limit((int) size);
            while (fileBytes.hasRemaining() && channel.read(fileBytes) >= 0) {
                // until the whole file is in
            }
            fileBytes.flip();
            return fileBytes.limit();
        }
    }

    @Override
    public void close() {
        decoded.close();
        file.close();
    }
}
