package dev.edgevision.device.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.edgevision.core.detect.DetectionRecord;
import dev.edgevision.core.detect.DetectorException;
import dev.edgevision.core.frame.Frame;
import dev.edgevision.core.model.BundleException;
import dev.edgevision.core.model.ModelBundle;
import dev.edgevision.device.config.ApplianceConfig;
import dev.edgevision.device.mqtt.PublisherStats;
import dev.edgevision.device.pipeline.ServedModel;
import dev.edgevision.device.service.Appliance;
import dev.edgevision.device.service.ApplianceListener;
import java.io.IOException;
import java.io.InputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The device's embedded HTTP server (the JDK's {@code com.sun.net.httpserver}), a listener of the
 * appliance: it sees each record (latency histograms) and each frame (readiness, preview) on the
 * pipeline's thread and does no more there than a shared-slot JPEG encode while someone watches.
 * Started before the appliance (so {@code /health/live} answers while the model loads) and
 * {@link #attach attached} once the appliance runs. Routes are listed in {@link Routes}.
 */
public final class HttpService implements ApplianceListener {
    private static final Logger LOG = LoggerFactory.getLogger(HttpService.class);
    static final double JPEG_QUALITY = 0.8;

    private final HttpServer server;
    private final ExecutorService threads;
    private final HttpAccess access;
    private final Readiness readiness = new Readiness();
    private final PreviewFeed preview;
    private final ServiceMetrics metrics;
    private final DrawReader draw;
    private final int maxViewers;
    private final AtomicInteger streams = new AtomicInteger();
    private volatile Appliance appliance;
    private volatile boolean running = true;

    private HttpService(HttpServer server, ExecutorService threads, HttpAccess access, ApplianceConfig.HttpSection s,
            ModelBundle drawModel) {
        this.server = server;
        this.threads = threads;
        this.access = access;
        this.maxViewers = s.maxViewers() == null ? 8 : s.maxViewers();
        this.preview = new PreviewFeed(s.previewFps() == null ? 10 : s.previewFps(), JPEG_QUALITY);
        this.metrics = new ServiceMetrics(preview);
        preview.timer(metrics::encoded);
        this.draw = new DrawReader(() -> drawModel(drawModel));
    }

    /**
     * Starts listening as {@code section} says, relative paths (secrets, draw model) resolved against
     * {@code home}.
     *
     * @throws IllegalArgumentException naming the key when a secret file or the draw model cannot be
     *     read, or the address cannot be bound
     */
    public static HttpService start(ApplianceConfig.HttpSection section, Path home) throws IOException {
        HttpAccess access = section.tokenFile() != null ? HttpAccess.token(home.resolve(section.tokenFile()))
                : section.user() != null ? HttpAccess.basic(section.user(), home.resolve(section.passwordFile()))
                : HttpAccess.open();
        ModelBundle drawModel = null;
        if (section.drawModel() != null) {
            try {
                drawModel = ModelBundle.open(home.resolve(section.drawModel()));
            } catch (BundleException e) {
                throw new IllegalArgumentException("http.draw_model: " + e.getMessage(), e);
            }
        }
        String bind = section.bind() == null ? "127.0.0.1" : section.bind();
        int port = section.port() == null ? 8080 : section.port();
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(bind, port), 32);
        } catch (BindException e) {
            throw new IllegalArgumentException("http: cannot listen on " + bind + ":" + port + " (" + e.getMessage()
                    + "): choose another http.port or http.bind", e);
        }
        int viewers = section.maxViewers() == null ? 8 : section.maxViewers();
        AtomicInteger n = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(viewers + 4, r -> {
            Thread t = new Thread(r, "http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(threads);
        HttpService service = new HttpService(server, threads, access, section, drawModel);
        server.createContext("/", new Routes(service));
        server.start();
        LOG.info("http: listening on {} ({}); /health/live, /health/ready, /metrics, /preview/CAMERA, /draw",
                service.uri(), access.describe());
        if (!access.required() && !server.getAddress().getAddress().isLoopbackAddress()) {
            LOG.warn("http: listening on {} without authentication: set http.token_file or http.user and"
                    + " http.password_file", server.getAddress());
        }
        return service;
    }

    /** Adds the MQTT publisher's figures ({@code stats}, read at each scrape) to the metrics. */
    public void mqtt(Supplier<PublisherStats> stats) {
        metrics.mqtt(stats);
    }

    /** Reads the appliance from now on (readiness, metrics, cameras, the served model). */
    public void attach(Appliance started) {
        this.appliance = started;
        readiness.attach(started);
        metrics.attach(started);
    }

    /** The port listened on (the chosen one when configured as 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The server's base URI. */
    public URI uri() {
        InetSocketAddress a = server.getAddress();
        String host = a.getAddress().isAnyLocalAddress() ? "127.0.0.1" : a.getAddress().getHostAddress();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort());
    }

    @Override
    public void onRecord(String camera, DetectionRecord record) {
        metrics.record(camera, record.latencyMs());
    }

    @Override
    public void onFrame(String camera, Frame frame, DetectionRecord record) {
        readiness.frame(camera);
        preview.frame(camera, frame, record);
    }

    @Override
    public void close() {
        running = false;
        server.stop(1);
        threads.shutdownNow();
        draw.close();
    }

    // What Routes reads.

    HttpAccess access() {
        return access;
    }

    Readiness readiness() {
        return readiness;
    }

    ServiceMetrics metrics() {
        return metrics;
    }

    PreviewFeed preview() {
        return preview;
    }

    Appliance appliance() {
        return appliance;
    }

    boolean running() {
        return running;
    }

    String read(byte[] png) throws DetectorException, IOException {
        if (appliance == null) {
            throw new IllegalStateException("the service is still starting");
        }
        return draw.read(png);
    }

    /** Streams {@code camera}'s preview to {@code exchange}, unless {@code maxViewers} streams are open. */
    void stream(HttpExchange exchange, String camera, long maxParts) throws IOException {
        if (streams.incrementAndGet() > maxViewers) {
            streams.decrementAndGet();
            Responses.json(exchange, 503, "{\"error\":\"busy\",\"message\":\"" + maxViewers
                    + " preview streams are open already (http.max_viewers)\"}");
            return;
        }
        try {
            MjpegStream.serve(exchange, preview.slot(camera), maxParts, this::running);
        } finally {
            streams.decrementAndGet();
        }
    }

    private DrawReader.Model drawModel(ModelBundle configured) {
        ServedModel served = appliance.models().current();
        return configured != null ? new DrawReader.Model(configured, served.threshold())
                : new DrawReader.Model(served.bundle(), served.threshold());
    }

    static byte[] readBody(InputStream in, int limit) throws IOException {
        byte[] body = in.readNBytes(limit + 1);
        if (body.length > limit) {
            throw new IllegalArgumentException("the body is larger than " + limit + " bytes");
        }
        return body;
    }
}
