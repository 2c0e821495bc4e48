package dev.edgevision.device.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the parts of an MJPEG stream as the server writes them (each with a Content-Length). */
final class Multipart {
    private Multipart() {
    }

    /** Reads up to {@code max} parts from {@code in}; fewer if the stream ends first. */
    static List<byte[]> parts(InputStream in, int max) throws IOException {
        List<byte[]> parts = new ArrayList<>();
        while (parts.size() < max) {
            String boundary = line(in);
            while (boundary != null && boundary.isEmpty()) {
                boundary = line(in);
            }
            if (boundary == null || boundary.equals("--" + MjpegStream.BOUNDARY + "--")) {
                break;
            }
            if (!boundary.equals("--" + MjpegStream.BOUNDARY)) {
                throw new IOException("expected the boundary, got '" + boundary + "'");
            }
            int length = -1;
            for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
                if (h.toLowerCase().startsWith("content-length:")) {
                    length = Integer.parseInt(h.substring(15).trim());
                }
            }
            if (length < 0) {
                throw new IOException("a part without Content-Length");
            }
            parts.add(in.readNBytes(length));
        }
        return parts;
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                String s = b.toString(StandardCharsets.US_ASCII);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            b.write(c);
            if (b.size() > 1000) {
                throw new IOException("header line too long");
            }
        }
        return b.size() == 0 ? null : b.toString(StandardCharsets.US_ASCII);
    }
}
