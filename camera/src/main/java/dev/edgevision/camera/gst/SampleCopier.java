package dev.edgevision.camera.gst;

import dev.edgevision.core.frame.Frame;
import dev.edgevision.core.frame.PixelFormat;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.freedesktop.gstreamer.Buffer;
import org.freedesktop.gstreamer.Caps;
import org.freedesktop.gstreamer.Sample;
import org.freedesktop.gstreamer.Structure;

/**
 * Copies a raw video sample from an appsink into a frame, row by row (GStreamer pads rows to four
 * bytes). BGR, RGB and GRAY8 are copied as they are; BGRx, as {@code nvvidconv} delivers it, loses
 * its padding byte on the way to BGR24.
 */
final class SampleCopier {
    /** The formats an appsink is asked for when its pipeline does not say. */
    static final String CAPS = "video/x-raw,format=(string){BGR,RGB,GRAY8,BGRx}";

    private SampleCopier() {
    }

    static void copy(Sample sample, Frame into) throws IOException {
        Caps caps = sample.getCaps();
        Structure structure = caps.getStructure(0);
        String format = structure.hasField("format") ? structure.getString("format") : "?";
        int width = structure.getInteger("width");
        int height = structure.getInteger("height");
        Buffer buffer = sample.getBuffer();
        ByteBuffer bytes = buffer.map(false);
        try {
            switch (format) {
                case "BGR" -> packed(bytes, into.reshape(width, height, PixelFormat.BGR24), width * 3, height);
                case "RGB" -> packed(bytes, into.reshape(width, height, PixelFormat.RGB24), width * 3, height);
                case "GRAY8" -> packed(bytes, into.reshape(width, height, PixelFormat.GRAY8), width, height);
                case "BGRx" -> dropPadding(bytes, into.reshape(width, height, PixelFormat.BGR24), width, height);
                default -> throw new IOException("the appsink delivers " + format + " frames; put videoconvert !"
                        + " video/x-raw,format=BGR before the appsink");
            }
        } finally {
            buffer.unmap();
        }
    }

    private static void packed(ByteBuffer source, byte[] target, int rowBytes, int height) {
        int stride = source.remaining() / height;
        int start = source.position();
        for (int y = 0; y < height; y++) {
            source.position(start + y * stride);
            source.get(target, y * rowBytes, rowBytes);
        }
    }

    private static void dropPadding(ByteBuffer source, byte[] target, int width, int height) {
        int stride = source.remaining() / height;
        int start = source.position();
        int t = 0;
        for (int y = 0; y < height; y++) {
            int row = start + y * stride;
            for (int x = 0; x < width; x++) {
                int s = row + x * 4;
                target[t++] = source.get(s);
                target[t++] = source.get(s + 1);
                target[t++] = source.get(s + 2);
            }
        }
    }
}
