package dev.edgevision.trainer.report;

import static dev.edgevision.trainer.report.Markup.all;
import static dev.edgevision.trainer.report.Markup.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgevision.trainer.detector.eval.DetectionEvaluation;
import dev.edgevision.trainer.detector.eval.DetectionEvaluator;
import dev.edgevision.trainer.detector.eval.ImageResult;
import dev.edgevision.trainer.detector.eval.PredictedBox;
import dev.edgevision.trainer.detector.labels.LabelledBox;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class DetectorReportSectionsTest {
    private static final LabelledBox SEVEN = new LabelledBox("7", 40, 40, 100, 120);
    private static final LabelledBox THREE = new LabelledBox("3", 200, 60, 260, 140);
    private static final PredictedBox FOUND = new PredictedBox("7", 0.93, 42, 40, 100, 118);
    private static final PredictedBox WRONG = new PredictedBox("8", 0.81, 300, 150, 340, 200);

    private static DetectionEvaluation evaluation() {
        // class 7 found (AP 1), class 3 missed (AP 0): mAP 0.5; the 8 is false, in a frame with digits;
        // one empty frame with one false detection at 0.6
        return DetectionEvaluator.standard().evaluate(List.of(
                new ImageResult(List.of(FOUND, WRONG), List.of(SEVEN, THREE)),
                new ImageResult(List.of(new PredictedBox("1", 0.6, 10, 10, 30, 50)), List.of())), List.of("3", "7", "8"));
    }

    private static ExampleFrame example() {
        BufferedImage paper = new BufferedImage(640, 480, BufferedImage.TYPE_3BYTE_BGR);
        var g = paper.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 640, 480);
        g.dispose();
        return new ExampleFrame(paper, List.of(SEVEN, THREE), List.of(FOUND, WRONG), "scene 000001.png");
    }

    @Test
    void rendersFiguresTableChartsAndGallery() throws Exception {
        String html = DetectorReportSections.addTo(new HtmlReport("Detector"), "camera set", evaluation(),
                List.of(example())).render();

        assertTrue(html.contains("<div class=\"value\">0.500</div><div class=\"label\">mAP@0.5</div>"), "headline mAP");
        assertTrue(html.contains("<div class=\"value\">1.000</div><div class=\"label\">false detections per empty frame</div>"));
        List<String> rows = all(html, "<tr>(<td.*?)</tr>");
        assertEquals(5, rows.size(), "one row per class (3, 7, 8 listed, 1 met) and the total");
        assertTrue(rows.get(0).startsWith("<td class=\"num\">3</td><td class=\"num\">1</td><td class=\"num\">0</td><td class=\"num\">0.000</td>"), rows.get(0));
        assertTrue(rows.get(1).startsWith("<td class=\"num\">7</td><td class=\"num\">1</td><td class=\"num\">1</td><td class=\"num\">1.000</td>"), rows.get(1));
        assertTrue(rows.get(2).startsWith("<td class=\"num\">8</td><td class=\"num\">0</td><td class=\"num\">1</td><td>–</td>"), rows.get(2));
        assertEquals(3, count(html, "<svg class=\"chart\""), "overall and one per class with true boxes (3, 7)");
        assertTrue(html.contains("Precision / recall of class 7 on camera set (AP 1.000)"));
        assertTrue(rows.get(4).startsWith("<td>all (mean AP)</td><td class=\"num\">2</td><td class=\"num\">3</td><td class=\"num\">0.500</td>"), rows.get(4));
        assertTrue(html.contains("scene 000001.png"));
        assertEquals(1, count(html, "<img "));

        BufferedImage drawn = picture(html);
        assertEquals(480, drawn.getWidth(), "scaled to the gallery width");
        double s = 480.0 / 640;
        assertEquals(BoxOverlay.TRUTH.getRGB(), drawn.getRGB((int) Math.round(THREE.x1() * s), (int) Math.round(100 * s)),
                "the missed 3 has a green frame");
        assertEquals(BoxOverlay.PREDICTED.getRGB(), drawn.getRGB((int) Math.round(WRONG.x2() * s) - 1, (int) Math.round(180 * s)),
                "the false 8 has a magenta frame");
        assertEquals(Color.WHITE.getRGB(), drawn.getRGB(300, 300), "paper elsewhere");
    }

    @Test
    void sectionsGoIntoAnExistingReport() {
        HtmlReport report = new HtmlReport("Run").paragraph("classifier part");
        String html = DetectorReportSections.addTo(report, "", evaluation(), List.of()).render();

        assertTrue(html.indexOf("classifier part") < html.indexOf("mAP@0.5"), "appended after what was there");
        assertTrue(html.contains("No images."));
    }

    private static BufferedImage picture(String html) throws Exception {
        String uri = all(html, "<img[^>]*src=\"([^\"]*)\"").get(0);
        byte[] png = Base64.getDecoder().decode(uri.substring(PngDataUri.PREFIX.length()));
        return ImageIO.read(new ByteArrayInputStream(png));
    }
}
