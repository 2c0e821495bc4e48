package dev.edgevision.device.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pages in headless Chromium: the preview shows the camera with boxes drawn, and a digit drawn
 * on the draw page with synthesized pointer events (touch, then mouse) is read right. Screenshots go
 * to {@code target/screenshots}, or to the folder {@code -Dscreenshots.dir} names (the README's are
 * made with {@code -Dscreenshots.dir=../docs/screenshots}). Skipped, saying so, without chromium and
 * chromedriver.
 */
class PagesInChromiumTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void needsChromium() {
        Chromium.missing().ifPresent(reason -> Assumptions.abort("page tests skipped: " + reason));
    }

    static Path screenshots() throws Exception {
        Path folder = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
        return Files.createDirectories(folder);
    }

    @Test
    void thePreviewShowsTheCameraWithItsDetectionsDrawn() throws Exception {
        try (RunningService s = RunningService.start(RunningService.section(null, null, null, null),
                "models/digit-detector.vbundle", "synthetic://digits?fps=10&seed=11&blank=0");
                Chromium browser = Chromium.start(dir, 720, 720)) {
            browser.open(s.uri("/preview/desk"));
            browser.await("document.body.dataset.state === 'streaming'"
                    + " && document.getElementById('stream').naturalWidth === 640", 60, "the stream's first frame");
            browser.await("document.getElementById('model').textContent.indexOf('digit-detector') >= 0", 20,
                    "the model line");
            long encodes = s.http.preview().slot("desk").encodes();
            RunningService.await(() -> s.http.preview().slot("desk").encodes() >= encodes + 10, "10 more frames");
            byte[] png = browser.screenshot();
            Files.write(screenshots().resolve("http-preview.png"), png);

            BufferedImage shot = ImageIO.read(new ByteArrayInputStream(png));
            com.fasterxml.jackson.databind.JsonNode box = browser.script("const r = document.getElementById('stream')"
                    + ".getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom];");
            long coloured = 0;
            for (int y = Math.max(0, box.get(1).asInt()); y < Math.min(shot.getHeight(), box.get(3).asInt()); y++) {
                for (int x = Math.max(0, box.get(0).asInt()); x < Math.min(shot.getWidth(), box.get(2).asInt()); x++) {
                    int rgb = shot.getRGB(x, y);
                    int r = (rgb >> 16) & 0xFF;
                    int g = (rgb >> 8) & 0xFF;
                    int b = rgb & 0xFF;
                    if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 90) {
                        coloured++;
                    }
                }
            }
            // The synthetic scene is grey: strongly coloured pixels are the boxes and labels drawn on it.
            assertTrue(coloured > 300, "boxes are drawn on the preview: " + coloured + " coloured pixels in the image");
            assertTrue(s.http.preview().slot("desk").viewers() >= 1, "the page holds a stream open");
        }
    }

    @Test
    void aDigitDrawnWithTouchThenWithTheMouseIsReadRight() throws Exception {
        try (RunningService s = RunningService.start(RunningService.section(null, null, null, null),
                "models/digits.vbundle", "synthetic://digits?fps=5&seed=12");
                Chromium browser = Chromium.start(dir, 900, 520)) {
            browser.open(s.uri("/draw"));
            browser.await("document.body.dataset.state === 'empty'", 20, "the draw page");

            browser.draw("#pad", "mouse", 280, 280, DrawReaderTest.DIGITS[1]);
            browser.await("document.body.dataset.state === 'read'", 30, "the reading of a 1");
            assertEquals("1", browser.script("return document.getElementById('answer').textContent;").asText());

            browser.click("#clear");
            browser.await("document.body.dataset.state === 'empty'", 10, "the cleared pad");
            browser.draw("#pad", "touch", 280, 280, DrawReaderTest.DIGITS[2]);
            browser.await("document.body.dataset.state === 'read'", 30, "the reading of a 7");
            assertEquals("7", browser.script("return document.getElementById('answer').textContent;").asText(),
                    "the drawn 7 is read as 7");
            assertEquals(10, browser.script("return document.querySelectorAll('#scores .bar').length;").asInt(),
                    "a bar per class");
            String width = browser.script("return document.querySelector('#scores .bar.best .fill').style.width;")
                    .asText();
            assertTrue(Double.parseDouble(width.replace("%", "")) > 50, "the 7's bar is the long one: " + width);
            browser.script("window.scrollTo(0, 0); return true;");
            byte[] png = browser.screenshot();
            Files.write(screenshots().resolve("http-draw.png"), png);
            BufferedImage shot = ImageIO.read(new ByteArrayInputStream(png));
            assertEquals(900, shot.getWidth());
        }
    }
}
