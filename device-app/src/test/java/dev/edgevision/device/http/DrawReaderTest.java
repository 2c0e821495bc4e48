package dev.edgevision.device.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/read} with drawings made the way the page makes them (light strokes on a dark
 * 280x280 canvas): the classifier reads them right and scores every class; with a detector served,
 * its detections and per-class scores come back.
 */
class DrawReaderTest {
    /** Strokes of a few digits on the 280x280 canvas, as polylines. */
    static final int[][][] DIGITS = {
        {{140, 50, 100, 70, 85, 140, 100, 210, 140, 230, 180, 210, 195, 140, 180, 70, 140, 50}}, // 0
        {{120, 80, 150, 50, 150, 235}}, // 1
        {{70, 60, 210, 60, 120, 235}}, // 7
    };
    static final String[] LABELS = {"0", "1", "7"};

    static byte[] png(int[][] strokes) throws Exception {
        BufferedImage image = new BufferedImage(280, 280, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.BLACK);
        g.fillRect(0, 0, 280, 280);
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(20, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (int[] line : strokes) {
            for (int i = 2; i < line.length; i += 2) {
                g.drawLine(line[i - 2], line[i - 1], line[i], line[i + 1]);
            }
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    @Test
    void theClassifierReadsDrawnDigitsAndScoresEveryClass() throws Exception {
        try (RunningService s = RunningService.start(RunningService.section(null, null, null, null),
                "models/digits.vbundle", HttpServiceTest.CAMERA)) {
            for (int d = 0; d < DIGITS.length; d++) {
                HttpResponse<String> r = s.post("/api/read", png(DIGITS[d]));
                assertEquals(200, r.statusCode(), r.body());
                JsonNode reply = HttpServiceTest.JSON.readTree(r.body());
                assertEquals(LABELS[d], reply.get("label").asText(), r.body());
                assertEquals("classification", reply.get("task").asText());
                assertEquals("digits", reply.get("model").get("name").asText());
                assertEquals(10, reply.get("scores").size());
                double sum = 0;
                for (JsonNode score : reply.get("scores")) {
                    sum += score.get("score").asDouble();
                }
                assertEquals(1.0, sum, 0.01, "probabilities of every class");
                assertTrue(reply.get("score").asDouble() > 0.5, r.body());
                assertEquals(28 * 28, reply.get("input").get("pixels").size());
            }
        }
    }

    @Test
    void withADetectorServedTheDrawingIsSearchedForDigits() throws Exception {
        try (RunningService s = RunningService.start(RunningService.section(null, null, null, null),
                "models/digit-detector.vbundle", HttpServiceTest.CAMERA)) {
            for (int d = 0; d < DIGITS.length; d++) {
                HttpResponse<String> r = s.post("/api/read", png(DIGITS[d]));
                assertEquals(200, r.statusCode(), r.body());
                JsonNode reply = HttpServiceTest.JSON.readTree(r.body());
                assertEquals("detection", reply.get("task").asText());
                assertEquals(LABELS[d], reply.get("label").asText(), r.body());
                assertEquals(10, reply.get("scores").size());
                JsonNode box = reply.get("detections").get(0).get("box");
                assertTrue(box.get("x").asDouble() > 20 && box.get("x").asDouble() + box.get("w").asDouble() < 260,
                        "the box is in the drawing's pixels: " + box);
            }
        }
    }

    @Test
    void aConfiguredDrawModelIsUsedBesideTheServedDetector() throws Exception {
        try (RunningService s = RunningService.start(RunningService.section(null, null, null,
                "models/digits.vbundle"), "models/digit-detector.vbundle", HttpServiceTest.CAMERA)) {
            JsonNode reply = HttpServiceTest.JSON.readTree(s.post("/api/read", png(DIGITS[1])).body());
            assertEquals("classification", reply.get("task").asText());
            assertEquals("1", reply.get("label").asText(), reply.toString());
        }
    }
}
