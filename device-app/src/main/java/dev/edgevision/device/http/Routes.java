package dev.edgevision.device.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.edgevision.core.detect.DetectorException;
import dev.edgevision.device.pipeline.CameraPipeline;
import dev.edgevision.device.service.Appliance;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's routes. Only {@code /health/*} is open when authentication is configured; every
 * page only reads, and the one POST ({@code /api/read}) changes nothing.
 *
 * <pre>
 * GET  /                      index: cameras, links
 * GET  /health/live           200 while the process serves HTTP
 * GET  /health/ready          200 once every enabled camera has delivered a frame, else 503 with the reasons
 * GET  /metrics               Prometheus text format
 * GET  /preview/CAMERA        the preview page
 * GET  /stream/CAMERA         MJPEG (multipart/x-mixed-replace); ?frames=N ends after N parts
 * GET  /snapshot/CAMERA.jpg   the next preview JPEG
 * GET  /draw                  the draw-a-digit page
 * POST /api/read              a PNG drawing; the model's reading as JSON
 * GET  /api/cameras           cameras and the model served, as JSON
 * GET  /static/NAME           the pages' scripts and style
 * </pre>
 */
final class Routes implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(Routes.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_DRAWING_BYTES = 2 * 1024 * 1024;
    private static final Map<String, String> STATIC = Map.of("preview.js", "text/javascript; charset=utf-8",
            "draw.js", "text/javascript; charset=utf-8", "style.css", "text/css; charset=utf-8");

    private final HttpService service;

    Routes(HttpService service) {
        this.service = service;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            route(exchange, exchange.getRequestURI().getPath());
        } catch (IOException e) {
            exchange.close(); // the client went away
        } catch (RuntimeException e) {
            LOG.warn("http: {} {} failed: {}", exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    e.toString());
            try {
                Responses.json(exchange, 500, error("internal", e.getMessage()));
            } catch (IOException | RuntimeException ignored) {
                exchange.close();
            }
        }
    }

    private void route(HttpExchange exchange, String path) throws IOException {
        String method = exchange.getRequestMethod();
        boolean read = "GET".equals(method) || "HEAD".equals(method);
        if (path.startsWith("/health/")) {
            if (!read) {
                methodNotAllowed(exchange, "GET");
            } else if (path.equals("/health/live")) {
                Responses.json(exchange, 200, "{\"live\":true}");
            } else if (path.equals("/health/ready")) {
                ready(exchange);
            } else {
                notFound(exchange, path);
            }
            return;
        }
        if (!service.access().allows(exchange)) {
            service.access().refuse(exchange);
            return;
        }
        if (path.equals("/api/read")) {
            if ("POST".equals(method)) {
                readDrawing(exchange);
            } else {
                methodNotAllowed(exchange, "POST");
            }
            return;
        }
        if (!read) {
            methodNotAllowed(exchange, "GET");
            return;
        }
        if (path.equals("/") || path.equals("/index.html")) {
            page(exchange, "index.html");
        } else if (path.equals("/metrics")) {
            Responses.send(exchange, 200, service.metrics().contentType(), service.metrics().scrape());
        } else if (path.equals("/draw")) {
            page(exchange, "draw.html");
        } else if (path.equals("/api/cameras")) {
            Responses.json(exchange, 200, cameras());
        } else if (path.startsWith("/preview/")) {
            if (camera(exchange, path.substring(9)) != null) {
                page(exchange, "preview.html");
            }
        } else if (path.startsWith("/stream/")) {
            String camera = camera(exchange, path.substring(8));
            if (camera != null && "HEAD".equals(method)) {
                Responses.send(exchange, 200, "multipart/x-mixed-replace; boundary=" + MjpegStream.BOUNDARY,
                        new byte[0]);
            } else if (camera != null) {
                service.stream(exchange, camera, frames(exchange));
            }
        } else if (path.startsWith("/snapshot/") && path.endsWith(".jpg")) {
            String camera = camera(exchange, path.substring(10, path.length() - 4));
            if (camera != null) {
                snapshot(exchange, camera);
            }
        } else if (path.startsWith("/static/") && STATIC.containsKey(path.substring(8))) {
            Responses.send(exchange, 200, STATIC.get(path.substring(8)), Pages.resource(path.substring(8)));
        } else {
            notFound(exchange, path);
        }
    }

    private void ready(HttpExchange exchange) throws IOException {
        Readiness.Answer answer = service.readiness().now();
        ObjectNode body = JSON.createObjectNode().put("ready", answer.ready());
        if (!answer.ready()) {
            body.put("reason", String.join("; ", answer.waiting()));
            ArrayNode list = body.putArray("waiting");
            answer.waiting().forEach(list::add);
        }
        Responses.json(exchange, answer.ready() ? 200 : 503, JSON.writeValueAsString(body));
    }

    private void readDrawing(HttpExchange exchange) throws IOException {
        byte[] body;
        try {
            body = HttpService.readBody(exchange.getRequestBody(), MAX_DRAWING_BYTES);
        } catch (IllegalArgumentException e) {
            Responses.json(exchange, 413, error("too_large", e.getMessage()));
            return;
        }
        try {
            Responses.json(exchange, 200, service.read(body));
        } catch (IllegalArgumentException e) {
            Responses.json(exchange, 400, error("bad_request", e.getMessage()));
        } catch (IllegalStateException e) {
            Responses.json(exchange, 503, error("starting", e.getMessage()));
        } catch (DetectorException e) {
            Responses.json(exchange, 500, error("model_failed", e.getMessage()));
        }
    }

    private void snapshot(HttpExchange exchange, String camera) throws IOException {
        PreviewSlot slot = service.preview().slot(camera);
        slot.open();
        PreviewSlot.Jpeg jpeg;
        try {
            jpeg = slot.next(0, 5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            jpeg = null;
        } finally {
            slot.close();
        }
        if (jpeg == null) {
            Responses.json(exchange, 503, error("no_frame", "camera " + camera + " delivered no frame in 5 s"));
        } else {
            Responses.send(exchange, 200, "image/jpeg", jpeg.bytes());
        }
    }

    /** The camera named {@code name} if the service runs one, else answers 404 (or 503 while starting) and null. */
    private String camera(HttpExchange exchange, String name) throws IOException {
        Appliance a = service.appliance();
        if (a == null) {
            Responses.json(exchange, 503, error("starting", "the service is still starting"));
            return null;
        }
        if (a.pipeline(name).isEmpty()) {
            Responses.json(exchange, 404, error("not_found", "no camera named '" + name + "'; see /api/cameras"));
            return null;
        }
        return name;
    }

    private String cameras() throws IOException {
        ObjectNode body = JSON.createObjectNode();
        Appliance a = service.appliance();
        ArrayNode list = body.putArray("cameras");
        if (a != null) {
            for (CameraPipeline p : a.pipelines()) {
                list.addObject().put("name", p.camera()).put("enabled", p.enabled()).put("state",
                        p.source().status().state().name().toLowerCase(Locale.ROOT)).put("processed", p.processed());
            }
            var model = a.models().current().identity();
            body.putObject("model").put("name", model.name()).put("version", model.version())
                    .put("sha256", model.sha256());
            body.put("backend", a.backendName());
        }
        body.put("starting", a == null);
        return JSON.writeValueAsString(body);
    }

    private static long frames(HttpExchange exchange) {
        String query = exchange.getRequestURI().getQuery();
        if (query != null) {
            for (String part : query.split("&")) {
                if (part.startsWith("frames=") && part.substring(7).matches("[0-9]{1,9}")) {
                    return Long.parseLong(part.substring(7));
                }
            }
        }
        return 0;
    }

    private static void page(HttpExchange exchange, String name) throws IOException {
        exchange.getResponseHeaders().set("Content-Security-Policy", "default-src 'self'; img-src 'self' data: blob:;"
                + " style-src 'self'; script-src 'self'; frame-ancestors 'none'");
        Responses.send(exchange, 200, "text/html; charset=utf-8", Pages.resource(name));
    }

    private static void notFound(HttpExchange exchange, String path) throws IOException {
        Responses.json(exchange, 404, error("not_found", "nothing at " + path + "; see / for the pages"));
    }

    private static void methodNotAllowed(HttpExchange exchange, String allowed) throws IOException {
        exchange.getResponseHeaders().set("Allow", allowed.equals("GET") ? "GET, HEAD" : allowed);
        Responses.json(exchange, 405, error("method_not_allowed", exchange.getRequestMethod() + " is not served here;"
                + " use " + allowed));
    }

    private static String error(String code, String message) {
        ObjectNode node = JSON.createObjectNode().put("error", code).put("message", message);
        return node.toString();
    }
}
