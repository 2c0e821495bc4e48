package dev.edgevision.trainer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.edgevision.core.testing.CapturedRun;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code trainer evaluate} on small fixtures: the new figures, the Markdown report, background images. */
class EvaluateDetectorCommandTest {
    private static final Path DETECTOR = Path.of("..", "models", "digit-detector.vbundle");
    private static final Path CLASSIFIER = Path.of("..", "models", "digits.vbundle");
    private static final Path DATA = Path.of("..", "datasets", "mnist-9k");

    @TempDir
    Path tmp;

    @Test
    void reportsPublishedMapConfusionAndMarksAsJsonAndMarkdown() throws Exception {
        Path set = tmp.resolve("pasted");
        CapturedRun scenes = CliRun.of("scenes", "--style", "pasted", "--count", "6", "--seed", "2", "--size", "320x240",
                "--out", set.toString(), "--data", DATA.toString());
        assertEquals(0, scenes.status(), scenes.err());
        Path md = tmp.resolve("report.md");

        CapturedRun run = CliRun.of("evaluate", "--model", DETECTOR.toString(), "--data", set.toString(), "--threads", "1",
                "--report", md.toString());

        assertEquals(0, run.status(), run.err());
        JsonNode line = new ObjectMapper().readTree(run.out());
        double curve = line.get("map50").asDouble();
        double published = line.get("published_map50").asDouble();
        assertTrue(published <= curve + 1e-9, "published " + published + " > whole curve " + curve);
        JsonNode confusion = line.get("confusion");
        assertTrue(confusion.has("not an object: mark") && confusion.has("not an object: background"), run.out());
        int truths = 0;
        int counted = 0;
        for (int d = 0; d <= 9; d++) {
            JsonNode row = confusion.get(Integer.toString(d));
            if (line.get("per_class").has(Integer.toString(d))) {
                truths += line.get("per_class").get(Integer.toString(d)).get("truths").asInt();
            }
            for (JsonNode n : row) {
                counted += n.asInt();
            }
        }
        assertEquals(truths, counted, "every true digit is in its row once: found as some class, or missed");
        int marks = 0;
        for (JsonNode n : line.get("marks")) {
            marks += n.asInt();
        }
        assertTrue(marks > 0, run.out());
        String report = Files.readString(md);
        String threshold = String.format(java.util.Locale.ROOT, "%.2f", line.get("score_threshold").asDouble());
        assertTrue(report.contains("mAP@0.50 of what the device publishes (detections at or above " + threshold + ")"),
                report);
        assertTrue(report.contains("## AP per class") && report.contains("## Confusion at " + threshold), report);
        assertTrue(report.contains("| kind of mark | marks | false detections | per mark |"), report);
    }

    @Test
    void scoresIllPosedLettersBothWaysAndShowsThem() throws Exception {
        Path set = tmp.resolve("notes");
        CapturedRun scenes = CliRun.of("scenes", "--style", "notes", "--count", "10", "--seed", "7",
                "--out", set.toString(), "--data", DATA.toString());
        assertEquals(0, scenes.status(), scenes.err());
        Path md = tmp.resolve("notes.md");

        CapturedRun run = CliRun.of("evaluate", "--model", DETECTOR.toString(), "--data", set.toString(), "--threads", "1",
                "--report", md.toString());

        assertEquals(0, run.status(), run.err());
        JsonNode line = new ObjectMapper().readTree(run.out());
        JsonNode ill = line.get("ill_posed");
        assertEquals("0", ill.get("readings_left_out").get("letter-O").asText(), run.out());
        assertTrue(ill.get("marks").asInt() > 0, run.out());
        // the committed detector reads some of these ten pages' letters O and l as 0 and 1 (seven at version 2)
        assertTrue(ill.get("left_out").asInt() > 0, run.out());
        assertTrue(ill.get("map50").asDouble() >= line.get("map50").asDouble() - 1e-9, run.out());
        assertTrue(ill.get("precision").asDouble() > line.get("precision").asDouble(), run.out());
        assertEquals(line.get("recall").asDouble(), ill.get("recall").asDouble(), 1e-9, "no true digit is left out");
        assertTrue(ill.get("false_per_empty_frame").asDouble() <= line.get("false_per_empty_frame").asDouble(),
                run.out());
        String report = Files.readString(md);
        assertTrue(report.contains("## Ill-posed marks") && report.contains("](notes-ill-posed.png)"), report);
        BufferedImage sheet = ImageIO.read(tmp.resolve("notes-ill-posed.png").toFile());
        assertTrue(sheet != null && sheet.getWidth() > 96 && sheet.getHeight() > 96, "contact sheet of the readings");
        // notes pages are hard for the detector: it misses digits and reports letters, so both kinds of error show
        assertTrue(report.contains("## Errors at") && report.contains("](notes-errors.png)"), report);
        BufferedImage errors = ImageIO.read(tmp.resolve("notes-errors.png").toFile());
        assertTrue(errors != null && errors.getHeight() > 2 * 96, "at least a row of misses and one of wrong detections");
    }

    @Test
    void readsAKittiSetWithBackgroundImagesAndScoresTheClassifierPathToo() throws Exception {
        Path set = tmp.resolve("kitti");
        Files.createDirectories(set.resolve("images"));
        Files.createDirectories(set.resolve("labels"));
        for (String name : new String[] {"blank", "page"}) {
            BufferedImage image = new BufferedImage(160, 120, BufferedImage.TYPE_3BYTE_BGR);
            image.getGraphics().fillRect(0, 0, 160, 120);
            ImageIO.write(image, "png", set.resolve("images/" + name + ".png").toFile());
        }
        Files.writeString(set.resolve("labels/blank.txt"), "");
        Files.writeString(set.resolve("labels/page.txt"), "3 0.0 0 0 40 30 70 90 0 0 0 0 0 0 0\n");

        for (Path model : new Path[] {DETECTOR, CLASSIFIER}) {
            CapturedRun run = CliRun.of("evaluate", "--model", model.toString(), "--data", set.toString(), "--threads", "1");
            assertEquals(0, run.status(), model + ": " + run.err());
            JsonNode line = new ObjectMapper().readTree(run.out());
            assertEquals(2, line.get("images").asInt(), run.out());
            assertEquals(1, line.get("empty_images").asInt(), run.out());
            assertEquals(1, line.get("confusion").get("3").get("missed").asInt(), "the blank page shows no 3: " + run.out());
        }
    }
}
