package dev.edgevision.trainer.deploy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;

/**
 * Serves one bundle over HTTP (or HTTPS) from the workstation, with the JDK's server, for as long
 * as a deploy runs: {@code GET} and {@code HEAD} of {@code /bundles/{token}/{name}} only, where the
 * token is random per run so the address cannot be guessed; single byte ranges are answered with
 * 206 (a device resumes a download that way), ranges past the end with 416, anything else with
 * the whole file. The file is read per request, never held in memory.
 */
public final class ArtifactServer implements AutoCloseable {
    private static final int THREADS = 16;

    private final HttpServer server;
    private final ExecutorService executor;
    private final Path file;
    private final long size;
    private final String path;
    private final boolean https;
    private final AtomicLong bytesSent = new AtomicLong();
    private final AtomicInteger requests = new AtomicInteger();

    private ArtifactServer(HttpServer server, ExecutorService executor, Path file, long size, String path,
            boolean https) {
        this.server = server;
        this.executor = executor;
        this.file = file;
        this.size = size;
        this.path = path;
        this.https = https;
    }

    /**
     * Serves {@code file} (of {@code size} bytes) as {@code name} on {@code bind}; port 0 picks a
     * free one. {@code tls} null serves plain HTTP.
     *
     * @throws IOException naming the address when it cannot be bound
     */
    public static ArtifactServer start(Path file, long size, String name, InetSocketAddress bind, SSLContext tls)
            throws IOException {
        HttpServer server;
        try {
            if (tls == null) {
                server = HttpServer.create(bind, 64);
            } else {
                HttpsServer secure = HttpsServer.create(bind, 64);
                secure.setHttpsConfigurator(new HttpsConfigurator(tls));
                server = secure;
            }
        } catch (IOException e) {
            throw new IOException("cannot serve the bundle on " + bind.getHostString() + ":" + bind.getPort() + " ("
                    + e.getMessage() + "): choose another --http-bind address or --http-port", e);
        }
        byte[] token = new byte[12];
        new SecureRandom().nextBytes(token);
        String path = "/bundles/" + HexFormat.of().formatHex(token) + "/" + name;
        AtomicInteger n = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "deploy-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        ArtifactServer artifacts = new ArtifactServer(server, executor, file, size, path, tls != null);
        server.createContext("/", artifacts::handle);
        server.setExecutor(executor);
        server.start();
        return artifacts;
    }

    /** The bundle's address as devices are told it, with {@code host} (a name or an address) in it. */
    public URI url(String host) {
        String shown = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return URI.create((https ? "https" : "http") + "://" + shown + ":" + port() + path);
    }

    /** The port bound. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Bytes of the bundle sent so far, over every request. */
    public long bytesSent() {
        return bytesSent.get();
    }

    /** Requests answered so far. */
    public int requests() {
        return requests.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        try (exchange) {
            String method = exchange.getRequestMethod();
            exchange.getResponseHeaders().set("Accept-Ranges", "bytes");
            if (!exchange.getRequestURI().getPath().equals(path)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "application/zip");
            ByteRange.Request request = ByteRange.parse(exchange.getRequestHeaders().getFirst("Range"), size);
            ByteRange range;
            int status;
            if (request instanceof ByteRange.Unsatisfiable) {
                exchange.getResponseHeaders().set("Content-Range", "bytes */" + size);
                exchange.sendResponseHeaders(416, -1);
                return;
            } else if (request instanceof ByteRange.Part part) {
                range = part.range();
                status = 206;
                exchange.getResponseHeaders().set("Content-Range",
                        "bytes " + range.first() + "-" + range.last() + "/" + size);
            } else {
                range = new ByteRange(0, size - 1);
                status = 200;
            }
            boolean head = method.equals("HEAD");
            if (head) {
                exchange.getResponseHeaders().set("Content-Length", Long.toString(range.length()));
            }
            exchange.sendResponseHeaders(status, head ? -1 : (range.length() == 0 ? -1 : range.length()));
            if (!head) {
                send(exchange.getResponseBody(), range);
            }
        }
    }

    private void send(OutputStream out, ByteRange range) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
            long position = range.first();
            long left = range.length();
            while (left > 0) {
                buffer.clear().limit((int) Math.min(buffer.capacity(), left));
                int n = channel.read(buffer, position);
                if (n < 0) {
                    throw new IOException(file + " became shorter while it was served");
                }
                out.write(buffer.array(), 0, n);
                position += n;
                left -= n;
                bytesSent.addAndGet(n);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
