package dev.edgevision.device.update;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Serves byte arrays over HTTP on loopback with Range support, and with the faults a download
 * meets: the first N bodies cut short, Range ignored, Range refused with 416.
 */
public final class BundleServer implements AutoCloseable {
    public enum Fault { NONE, CUT_SHORT, IGNORE_RANGE, REFUSE_RANGE }

    private final HttpServer server;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger rangeRequests = new AtomicInteger();
    private volatile Fault fault = Fault.NONE;
    private volatile int faultsLeft;
    private volatile long bytesPerSecond;

    public BundleServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public URI put(String name, byte[] content) {
        files.put("/" + name, content);
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/" + name);
    }

    /** The next {@code times} requests meet {@code kind}. */
    public void fault(Fault kind, int times) {
        fault = kind;
        faultsLeft = times;
    }

    /** Sends bodies at no more than {@code rate} bytes per second (0: as fast as it goes). */
    public void throttle(long rate) {
        bytesPerSecond = rate;
    }

    public int requests() {
        return requests.get();
    }

    public int rangeRequests() {
        return rangeRequests.get();
    }

    private void handle(HttpExchange ex) throws IOException {
        requests.incrementAndGet();
        byte[] body = files.get(ex.getRequestURI().getPath());
        if (body == null) {
            ex.sendResponseHeaders(404, -1);
            ex.close();
            return;
        }
        Fault now = faultsLeft > 0 ? fault : Fault.NONE;
        if (now != Fault.NONE) {
            faultsLeft--;
        }
        String range = ex.getRequestHeaders().getFirst("Range");
        long from = 0;
        if (range != null) {
            rangeRequests.incrementAndGet();
            if (now == Fault.REFUSE_RANGE) {
                ex.sendResponseHeaders(416, -1);
                ex.close();
                return;
            }
            if (now != Fault.IGNORE_RANGE) {
                from = Long.parseLong(range.replace("bytes=", "").replace("-", ""));
            }
        }
        try (OutputStream out = ex.getResponseBody()) {
            if (from > 0) {
                ex.getResponseHeaders().add("Content-Range", "bytes " + from + "-" + (body.length - 1) + "/" + body.length);
                ex.sendResponseHeaders(206, body.length - from);
            } else {
                ex.sendResponseHeaders(200, body.length);
            }
            int length = (int) (body.length - from);
            if (now == Fault.CUT_SHORT) {
                out.write(body, (int) from, length / 2);
                out.flush();
                ex.getHttpContext().getServer();
                throw new IOException("cut short on purpose");
            }
            long rate = bytesPerSecond;
            if (rate <= 0) {
                out.write(body, (int) from, length);
            } else {
                int step = (int) Math.max(1024, rate / 20);
                for (int off = 0; off < length; off += step) {
                    out.write(body, (int) from + off, Math.min(step, length - off));
                    out.flush();
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        } finally {
            ex.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
