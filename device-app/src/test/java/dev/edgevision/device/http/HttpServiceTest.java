package dev.edgevision.device.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.edgevision.device.mqtt.PublisherStats;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The server over real HTTP on loopback, in front of a running appliance: readiness follows the
 * first frame, metrics parse and carry the series, the MJPEG stream delivers JPEG parts, viewers
 * share one encode per frame and no viewer means no encode.
 */
class HttpServiceTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String CAMERA = "synthetic://digits?fps=20&seed=3";
    static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*\\})? (\\S+)");

    @Test
    void readinessWaitsForTheApplianceThenForTheFirstFrameOfEveryCamera() throws Exception {
        try (RunningService s = RunningService.serverOnly(RunningService.section(null, null, null, null), CAMERA)) {
            assertEquals(200, s.get("/health/live").statusCode());
            HttpResponse<String> starting = s.get("/health/ready");
            assertEquals(503, starting.statusCode());
            assertTrue(JSON.readTree(starting.body()).get("reason").asText().startsWith("starting"), starting.body());

            s.startAppliance("models/digits.vbundle");
            HttpResponse<String> waiting = s.get("/health/ready");
            assertEquals(503, waiting.statusCode());
            JsonNode reason = JSON.readTree(waiting.body());
            assertFalse(reason.get("ready").asBoolean());
            assertTrue(reason.get("reason").asText().contains("camera desk has not delivered a frame"), waiting.body());

            s.openCamera();
            RunningService.await(() -> status(s, "/health/ready") == 200, "ready after the first frame");
            assertEquals("{\"ready\":true}", s.get("/health/ready").body());
            assertEquals(200, s.get("/health/live").statusCode());
        }
    }

    @Test
    void metricsAreTheTextFormatAndCarryFramesStagesMqttAndModelSeries() throws Exception {
        try (RunningService s = RunningService.start(RunningService.section(null, null, null, null),
                "models/digits.vbundle", CAMERA)) {
            s.http.mqtt(() -> new PublisherStats("tcp://127.0.0.1:1", true, 41, 2, 1, 7, 3, 5, 1234, 2, null, null));
            RunningService.await(() -> s.appliance.pipelines().get(0).processed() >= 5, "5 frames");
            HttpResponse<String> r = s.get("/metrics");
            assertEquals(200, r.statusCode());
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"),
                    r.headers().toString());
            Map<String, Double> series = parse(r.body());

            assertTrue(series.get("edgevision_frames_processed_total{camera=\"desk\"}") >= 5, r.body());
            assertNotNull(series.get("edgevision_frames_failed_total{camera=\"desk\"}"));
            assertNotNull(series.get("edgevision_frames_dropped_total{camera=\"desk\"}"));
            assertNotNull(series.get("edgevision_frames_captured_total{camera=\"desk\"}"));
            assertEquals(0.0, series.get("edgevision_records_overtaken_total{camera=\"desk\"}"), "one worker keeps order");
            assertEquals(1.0, series.get("edgevision_camera_enabled{camera=\"desk\"}"));
            for (String stage : ServiceMetrics.stages()) {
                double count = series.get("edgevision_stage_latency_seconds_count{camera=\"desk\",stage=\"" + stage
                        + "\"}");
                assertTrue(count >= 5, stage + ": " + count);
                List<Double> infinite = series.entrySet().stream().filter(e -> e.getKey().startsWith(
                        "edgevision_stage_latency_seconds_bucket{") && e.getKey().contains("stage=\"" + stage + "\"")
                        && e.getKey().contains("le=\"+Inf\"")).map(Map.Entry::getValue).toList();
                assertEquals(List.of(count), infinite, stage + ": the +Inf bucket holds every frame");
            }
            assertTrue(series.get("edgevision_stage_latency_seconds_sum{camera=\"desk\",stage=\"inference\"}") > 0);
            assertEquals(5.0, series.get("edgevision_mqtt_spool_messages"));
            assertEquals(1234.0, series.get("edgevision_mqtt_spool_bytes"));
            assertEquals(41.0, series.get("edgevision_mqtt_published_total"));
            assertEquals(2.0, series.get("edgevision_mqtt_dropped_total{reason=\"offline\"}"));
            assertEquals(1.0, series.get("edgevision_mqtt_dropped_total{reason=\"queue_full\"}"));
            assertEquals(3.0, series.get("edgevision_mqtt_dropped_total{reason=\"spool\"}"));
            assertEquals(1.0, series.get("edgevision_mqtt_connected"));
            String sha = s.appliance.models().current().identity().sha256();
            assertEquals(1.0, series.get("edgevision_model_info{backend=\"onnxruntime-cpu\",model=\"digits\",sha256=\""
                    + sha + "\",task=\"classification\",version=\"1\"}"), r.body());
        }
    }

    @Test
    void theStreamDeliversJpegPartsOfTheFrameAndTwoViewersShareOneEncode() throws Exception {
        try (RunningService s = RunningService.start(RunningService.section(null, null, null, null),
                "models/digit-detector.vbundle", CAMERA)) {
            PreviewSlot slot = s.http.preview().slot("desk");
            RunningService.await(() -> s.appliance.pipelines().get(0).processed() >= 3, "3 frames");
            long idle = slot.encodes();
            Thread.sleep(500);
            assertEquals(idle, slot.encodes(), "no viewer, no encode");

            long before = slot.encodes();
            CompletableFuture<List<byte[]>> a = CompletableFuture.supplyAsync(() -> stream(s, 12));
            CompletableFuture<List<byte[]>> b = CompletableFuture.supplyAsync(() -> stream(s, 12));
            List<byte[]> first = a.get(60, java.util.concurrent.TimeUnit.SECONDS);
            List<byte[]> second = b.get(60, java.util.concurrent.TimeUnit.SECONDS);
            long encodes = slot.encodes() - before;

            assertEquals(12, first.size());
            assertEquals(12, second.size());
            for (byte[] jpeg : first) {
                BufferedImage image = ImageIO.read(new ByteArrayInputStream(jpeg));
                assertNotNull(image, "each part is a JPEG");
                assertEquals(640, image.getWidth());
                assertEquals(480, image.getHeight());
            }
            long shared = first.stream().filter(x -> second.stream().anyMatch(y -> java.util.Arrays.equals(x, y)))
                    .count();
            System.out.printf("preview: 2 viewers x 12 parts = 24 parts sent from %d encodes; %d parts identical"
                    + " in both streams%n", encodes, shared);
            assertTrue(encodes < 24, "24 parts from fewer encodes: " + encodes);
            assertTrue(shared >= 6, "both viewers got the same encoded bytes: " + shared + " of 12");
            long e0 = slot.encodes();
            Map<String, Double> series = parse(s.get("/metrics").body());
            long e1 = slot.encodes();
            double count = series.get("edgevision_preview_encode_seconds_count{camera=\"desk\"}");
            double sum = series.get("edgevision_preview_encode_seconds_sum{camera=\"desk\"}");
            double total = series.get("edgevision_preview_encodes_total{camera=\"desk\"}");
            assertTrue(total >= e0 && total <= e1, "the metric counts the encodes: " + total + " in " + e0 + ".." + e1);
            System.out.printf("preview: %.0f encodes at 640x480 (boxes, labels, caption, JPEG q0.8), %.2f ms each on"
                    + " average%n", count, sum / count * 1000);
        }
    }

    @Test
    void aViewerThatStopsReadingDelaysNeitherThePipelineNorAnotherViewer() throws Exception {
        try (RunningService s = RunningService.start(RunningService.section(null, null, null, null),
                "models/digits.vbundle", CAMERA)) {
            RunningService.await(() -> s.appliance.pipelines().get(0).processed() >= 3, "3 frames");
            try (java.net.Socket stuck = new java.net.Socket()) {
                stuck.setReceiveBufferSize(4096);
                stuck.connect(new java.net.InetSocketAddress("127.0.0.1", s.http.port()), 5000);
                stuck.getOutputStream().write(("GET /stream/desk HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                        .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                stuck.getOutputStream().flush();
                Thread.sleep(3000); // the stuck viewer's socket buffers fill; its thread blocks in write
                long processed = s.appliance.pipelines().get(0).processed();
                List<byte[]> parts = stream(s, 10);
                assertEquals(10, parts.size(), "the other viewer is served");
                assertTrue(s.appliance.pipelines().get(0).processed() > processed + 5, "the pipeline kept going");
            }
        }
    }

    @Test
    void unknownPathsCamerasAndMethodsAreAnsweredClearly() throws Exception {
        try (RunningService s = RunningService.start(RunningService.section(null, null, null, null),
                "models/digits.vbundle", CAMERA)) {
            HttpResponse<String> camera = s.get("/stream/attic");
            assertEquals(404, camera.statusCode());
            assertTrue(camera.body().contains("no camera named 'attic'"), camera.body());
            assertEquals(404, s.get("/nothing").statusCode());
            assertEquals(405, s.get("/api/read").statusCode());
            HttpResponse<String> bad = s.post("/api/read", "not a picture".getBytes());
            assertEquals(400, bad.statusCode());
            assertTrue(bad.body().contains("not a PNG"), bad.body());
            HttpResponse<String> index = s.get("/");
            assertEquals(200, index.statusCode());
            assertTrue(index.body().contains("edge vision appliance"));
            assertTrue(s.get("/preview/desk").body().contains("/static/preview.js"));
            assertEquals(200, s.get("/static/draw.js").statusCode());
            JsonNode cams = JSON.readTree(s.get("/api/cameras").body());
            assertEquals("desk", cams.get("cameras").get(0).get("name").asText());
        }
    }

    static List<byte[]> stream(RunningService s, int parts) {
        try {
            HttpResponse<InputStream> r = RunningService.CLIENT.send(HttpRequest.newBuilder(s.uri("/stream/desk?frames="
                    + parts)).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofInputStream());
            assertEquals(200, r.statusCode());
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("multipart/x-mixed-replace"));
            try (InputStream in = r.body()) {
                return Multipart.parts(in, parts);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static int status(RunningService s, String path) {
        try {
            return s.get(path).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    /** Every sample line of a Prometheus text exposition, by name and labels; fails on a line that does not parse. */
    static Map<String, Double> parse(String text) {
        Map<String, Double> series = new java.util.HashMap<>();
        for (String line : text.split("\n")) {
            if (line.isEmpty() || line.startsWith("#")) {
                assertTrue(line.isEmpty() || line.startsWith("# HELP ") || line.startsWith("# TYPE "), line);
                continue;
            }
            Matcher m = SAMPLE.matcher(line);
            assertTrue(m.matches(), "not a sample line: " + line);
            series.put(m.group(1) + (m.group(2) == null ? "" : m.group(2)), Double.parseDouble(m.group(3)
                    .replace("+Inf", "Infinity")));
        }
        return series;
    }
}
