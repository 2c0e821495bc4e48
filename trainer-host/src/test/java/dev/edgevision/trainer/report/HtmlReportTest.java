package dev.edgevision.trainer.report;

import static dev.edgevision.trainer.report.Markup.all;
import static dev.edgevision.trainer.report.Markup.count;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {
    private static final String EVIL = "<script>alert(\"x\")</script> & 'q'";
    private static final String EVIL_ESCAPED = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;";

    @Test
    void everyPieceOfUserTextIsEscaped() {
        String html = new HtmlReport(EVIL).subtitle(EVIL)
                .summary(Map.of(EVIL, EVIL))
                .lineChart(EVIL, EVIL, EVIL, List.of(new Series(EVIL, List.of(1.0, 2.0), List.of(3.0, 4.0))), new Highlight(1, EVIL))
                .confusionMatrix(EVIL, List.of(EVIL, "b"), new int[][] {{1, 0}, {0, 1}})
                .imageGallery(EVIL, List.of(GalleryImage.ofGray(new byte[4], 2, 2, EVIL)))
                .table(EVIL, List.of(EVIL), List.of(List.of(EVIL)))
                .keyValues(EVIL, Map.of(EVIL, EVIL))
                .paragraph(EVIL)
                .render();

        assertFalse(html.contains("<script"), "no markup from text survives");
        assertFalse(html.contains("alert(\"x\")"));
        assertTrue(count(html, EVIL_ESCAPED.replace("(", "\\(").replace(")", "\\)")) >= 20, "each text shows up escaped");
    }

    @Test
    void pageIsSelfContained() {
        String html = SampleReport.page();

        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("<meta charset=\"utf-8\">"));
        assertTrue(html.contains("<style>") && html.contains("image-rendering: pixelated"));
        assertFalse(html.contains("<script") || html.contains("<link") || html.contains("@import"));
        for (String url : all(html, "(?:src|href)=\"([^\"]*)\"")) {
            assertTrue(url.startsWith("data:image/png;base64,"), url);
        }
        assertEquals(List.of("http://www.w3.org/2000/svg"), all(html, "(https?://[^\"\\s)]*)").stream().distinct().toList(),
                "the SVG namespace is the only URL");
    }

    @Test
    void sectionsAppearInTheOrderAdded() {
        String html = SampleReport.page();

        List<String> headings = all(html, "<h2>([^<]*)</h2>");
        assertEquals(List.of("Loss", "Accuracy", "Confusion", "Mistakes", "Epochs", "Settings"), headings);
        assertTrue(html.indexOf("class=\"figures\"") < html.indexOf("<h2>Loss"), "headline figures come first");
        assertEquals(2, count(html, "<svg"), "one svg per chart");
    }

    @Test
    void summaryShowsEveryFigureInOrder() {
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("test accuracy", "98.73%");
        figures.put("test digits", "10,000");
        String html = new HtmlReport("t").summary(figures).render();

        assertEquals(List.of("98.73%", "10,000"), all(html, "<div class=\"value\">([^<]*)</div>"));
        assertEquals(List.of("test accuracy", "test digits"), all(html, "<div class=\"label\">([^<]*)</div>"));
    }

    @Test
    void grayGalleryImagesDecodeToTheSamePixels() throws IOException {
        byte[] pixels = new byte[28 * 28];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i * 37 % 256);
        }
        String html = new HtmlReport("t").imageGallery("digits", List.of(GalleryImage.ofGray(pixels, 28, 28, "true 4 → predicted 9 (0.93)"))).render();

        BufferedImage decoded = decode(all(html, "src=\"([^\"]*)\"").get(0));
        assertEquals(28, decoded.getWidth());
        assertEquals(28, decoded.getHeight());
        byte[] back = new byte[pixels.length];
        for (int i = 0; i < back.length; i++) {
            back[i] = (byte) decoded.getRaster().getSample(i % 28, i / 28, 0);
        }
        assertArrayEquals(pixels, back);
        assertTrue(html.contains("<figcaption>true 4 → predicted 9 (0.93)</figcaption>"));
        assertTrue(html.contains("class=\"pixelated\" width=\"112\" height=\"112\""), "28x28 shown 4x with crisp pixels");
    }

    @Test
    void colourGalleryImagesDecodeToTheSamePixels() throws IOException {
        BufferedImage image = new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 200; y++) {
            for (int x = 0; x < 300; x++) {
                image.setRGB(x, y, (x << 16) | (y << 8) | ((x + y) & 0xff));
            }
        }
        String html = new HtmlReport("t").imageGallery("frames", List.of(new GalleryImage(image, "frame"))).render();

        BufferedImage decoded = decode(all(html, "src=\"([^\"]*)\"").get(0));
        for (int y = 0; y < 200; y += 7) {
            for (int x = 0; x < 300; x += 11) {
                assertEquals(image.getRGB(x, y), decoded.getRGB(x, y));
            }
        }
        assertTrue(html.contains("<img width=\"300\" height=\"200\""), "large pictures keep their size and smooth scaling");
    }

    @Test
    void emptyGalleryAndEmptyKeyValuesSaySo() {
        String html = new HtmlReport("t").imageGallery("none", List.of()).keyValues("nothing", Map.of()).render();

        assertEquals(2, count(html, "<p class=\"empty\">"));
    }

    @Test
    void tableRightAlignsNumbersOnly() {
        String html = new HtmlReport("t").table("t", List.of("a", "b", "c", "d"),
                List.of(List.of("relu", "98.5%", "1,024", "42.0 s"))).render();

        assertEquals(List.of("98.5%", "1,024", "42.0 s"), all(html, "<td class=\"num\">([^<]*)</td>"));
        assertEquals(List.of("relu"), all(html, "<td>([^<]*)</td>"));
    }

    @Test
    void writeCreatesDirectoriesAndLeavesNoTempFile(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("runs/7/report.html");
        HtmlReport report = SampleReport.report();

        report.write(target);

        assertEquals(report.render(), Files.readString(target, StandardCharsets.UTF_8));
        assertEquals(List.of(target), listing(target.getParent()));
    }

    @Test
    void writeReplacesAnExistingReport(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("report.html");
        Files.writeString(target, "old report that is longer than nothing ".repeat(1000));

        new HtmlReport("new").write(target);

        String written = Files.readString(target);
        assertTrue(written.contains("<title>new</title>"));
        assertFalse(written.contains("old report"));
        assertEquals(List.of(target), listing(dir));
    }

    @Test
    void writtenReportHasTheUsualPermissionsOfANewFile(@TempDir Path dir) throws IOException {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path plain = Files.createFile(dir.resolve("plain.txt"));
        Path target = dir.resolve("report.html");

        new HtmlReport("t").write(target);

        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(target),
                "not the owner-only permissions of a temp file");
    }

    private static List<Path> listing(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }

    private static BufferedImage decode(String dataUri) throws IOException {
        assertTrue(dataUri.startsWith(PngDataUri.PREFIX));
        byte[] png = Base64.getDecoder().decode(dataUri.substring(PngDataUri.PREFIX.length()));
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    /** A small page with one section of each kind. */
    private static final class SampleReport {
        static HtmlReport report() {
            Series series = new Series("train", List.of(1.0, 2.0, 3.0), List.of(0.5, 0.3, 0.2));
            return new HtmlReport("Sample").subtitle("run 1")
                    .summary(Map.of("accuracy", "99%"))
                    .lineChart("Loss", "epoch", "loss", List.of(series))
                    .lineChart("Accuracy", "epoch", "accuracy", List.of(series), new Highlight(2, "best"))
                    .confusionMatrix("Confusion", List.of("a", "b"), new int[][] {{5, 1}, {0, 4}})
                    .imageGallery("Mistakes", List.of(GalleryImage.ofGray(new byte[784], 28, 28, "true a → predicted b")))
                    .table("Epochs", List.of("epoch", "loss"), List.of(List.of("1", "0.5")))
                    .keyValues("Settings", Map.of("batch", "64"));
        }

        static String page() {
            return report().render();
        }
    }
}
