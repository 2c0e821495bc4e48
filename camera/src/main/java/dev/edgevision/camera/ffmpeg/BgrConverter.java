package dev.edgevision.camera.ffmpeg;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
import static org.bytedeco.ffmpeg.global.avutil.av_free;
import static org.bytedeco.ffmpeg.global.avutil.av_get_pix_fmt_name;
import static org.bytedeco.ffmpeg.global.avutil.av_malloc;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BILINEAR;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCachedContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;

import dev.edgevision.core.frame.Frame;
import dev.edgevision.core.frame.PixelFormat;
import java.io.IOException;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Converts decoded FFmpeg frames of any pixel format to BGR24 frames. The conversion context and the
 * native buffer are kept and reused while the size and format stay the same.
 */
final class BgrConverter implements AutoCloseable {
    private SwsContext context;
    private BytePointer buffer;
    private long capacity;
    private final PointerPointer<BytePointer> planes = new PointerPointer<>(4);
    private final IntPointer strides = new IntPointer(4);

    void convert(AVFrame decoded, Frame into) throws IOException {
        int w = decoded.width();
        int h = decoded.height();
        context = sws_getCachedContext(context, w, h, decoded.format(), w, h, AV_PIX_FMT_BGR24, SWS_BILINEAR,
                null, null, (DoublePointer) null);
        if (context == null) {
            BytePointer name = av_get_pix_fmt_name(decoded.format());
            throw new IOException("cannot convert " + w + "x" + h + " frames of pixel format "
                    + (name == null ? decoded.format() : name.getString()) + " to BGR");
        }
        long size = (long) w * h * 3;
        if (capacity < size) {
            freeBuffer();
            buffer = new BytePointer(av_malloc(size)).capacity(size);
            capacity = size;
        }
        planes.put(0, buffer);
        strides.put(0, w * 3);
        sws_scale(context, decoded.data(), decoded.linesize(), 0, h, planes, strides);
        byte[] target = into.reshape(w, h, PixelFormat.BGR24);
        buffer.position(0).get(target, 0, (int) size);
    }

    private void freeBuffer() {
        if (buffer != null) {
            av_free(buffer);
            buffer = null;
            capacity = 0;
        }
    }

    @Override
    public void close() {
        if (context != null) {
            sws_freeContext(context);
            context = null;
        }
        freeBuffer();
    }
}
