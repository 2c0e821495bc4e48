package dev.edgevision.device.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;

/**
 * One viewer's MJPEG stream ({@code multipart/x-mixed-replace}): each JPEG its camera's slot
 * publishes, written as a part as soon as the viewer has taken the previous one. A slow viewer
 * skips frames (it always gets the latest); it blocks only its own thread.
 */
final class MjpegStream {
    static final String BOUNDARY = "edgevision-frame";
    private static final long WAIT_MILLIS = 500;

    private MjpegStream() {
    }

    /**
     * Streams until the viewer goes, {@code running} turns false, or {@code maxParts} parts were
     * sent (0: no limit).
     */
    static void serve(HttpExchange exchange, PreviewSlot slot, long maxParts, BooleanSupplier running)
            throws IOException {
        slot.open();
        try {
            exchange.getResponseHeaders().set("Content-Type", "multipart/x-mixed-replace; boundary=" + BOUNDARY);
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            long sent = 0;
            long last = 0;
            while (running.getAsBoolean() && (maxParts == 0 || sent < maxParts)) {
                PreviewSlot.Jpeg jpeg = slot.next(last, WAIT_MILLIS);
                if (jpeg == null) {
                    continue;
                }
                last = jpeg.number();
                out.write(("--" + BOUNDARY + "\r\nContent-Type: image/jpeg\r\nContent-Length: " + jpeg.bytes().length
                        + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(jpeg.bytes());
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                sent++;
            }
            out.write(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
            out.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            slot.close();
            exchange.close();
        }
    }
}
