package dev.edgevision.trainer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgevision.core.frame.Frame;
import dev.edgevision.core.idx.DigitSet;
import dev.edgevision.core.idx.IdxFolder;
import dev.edgevision.core.testing.CapturedRun;
import dev.edgevision.trainer.detector.labels.LabelledBox;
import dev.edgevision.trainer.detector.labels.LabelledDataset;
import dev.edgevision.trainer.detector.labels.LabelledImage;
import dev.edgevision.trainer.detector.scenes.DigitSceneGenerator;
import dev.edgevision.trainer.detector.scenes.SceneSettings;
import dev.edgevision.trainer.detector.scenes.sets.CameraScenes;
import dev.edgevision.trainer.detector.scenes.sets.FontScenes;
import dev.edgevision.trainer.detector.scenes.sets.GeneratorScenes;
import dev.edgevision.trainer.detector.scenes.sets.HandwritingFonts;
import dev.edgevision.trainer.detector.scenes.sets.SceneSource;
import dev.edgevision.trainer.detector.scenes.sets.ShapeScenes;
import dev.edgevision.trainer.detector.labels.NonObjectMarks;
import dev.edgevision.trainer.testsets.NotesScenes;
import dev.edgevision.trainer.testsets.PastedScenes;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sets written by {@code trainer scenes} load back through LabelledDataset with the boxes their sources drew. */
class ScenesCommandTest {
    private static final Path DATA = Path.of("..", "datasets", "mnist-9k");

    @TempDir
    Path tmp;

    @Test
    void generatorSetLoadsBackWithItsBoxes() throws Exception {
        DigitSet test = IdxFolder.scan(DATA).test().orElseThrow().read();
        SceneSource expected = new GeneratorScenes(new DigitSceneGenerator(test,
                SceneSettings.digits().withSize(320, 240)), 9, "test");
        assertLoadsBack(run("generator", "9", "320x240"), expected, 320, 240);
    }

    @Test
    void cameraSetLoadsBackWithItsBoxes() throws Exception {
        DigitSet test = IdxFolder.scan(DATA).test().orElseThrow().read();
        assertLoadsBack(run("camera", "4", "320x240"), new CameraScenes(test, 320, 240, 4), 320, 240);
    }

    @Test
    void fontSetLoadsBackWithItsBoxes() throws Exception {
        List<Font> fonts;
        try {
            fonts = HandwritingFonts.find(HandwritingFonts.SYSTEM);
        } catch (IOException e) {
            // Not hardware: .ci/run installs these packages, so a missing font is a set-up fault to fix.
            throw new AssertionError("needs handwriting fonts: apt-get install "
                    + String.join(" ", HandwritingFonts.PACKAGES), e);
        }
        assertLoadsBack(run("fonts", "2", "320x240"), new FontScenes(fonts, 320, 240, 2), 320, 240);
    }

    @Test
    void pastedAndNotesSetsLoadBackWithTheirBoxesAndMarks() throws Exception {
        DigitSet test = IdxFolder.scan(DATA).test().orElseThrow().read();
        Path pasted = run("pasted", "3", "320x240");
        Path notes = run("notes", "5", "320x240");

        assertLoadsBack(pasted, new PastedScenes(test, 320, 240, 3), 320, 240);
        assertLoadsBack(notes, new NotesScenes(test, 320, 240, 5), 320, 240);
        NotesScenes source = new NotesScenes(test, 320, 240, 5);
        int marks = 0;
        for (LabelledImage image : LabelledDataset.load(notes).images()) {
            source.render(Integer.parseInt(image.image().getFileName().toString().substring(0, 6)), new Frame());
            List<LabelledBox> read = NonObjectMarks.read(notes, image.image());
            assertEquals(source.lastMarks(), read, image.image().toString());
            marks += read.size();
        }
        assertTrue(marks > 0, "notes pages record their non-digit marks");
        assertTrue(Files.readString(notes.resolve("scenes.json")).contains("\"non_digit_marks\" : " + marks));
    }

    @Test
    void shapeSetNamesItsFiveClassesAndLoadsBackWithItsBoxes() throws Exception {
        Path out = tmp.resolve("shapes");
        CapturedRun run = CliRun.of("scenes", "--style", "shapes", "--count", "5", "--out", out.toString());

        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("\"style\":\"shapes\"") && run.out().contains("\"images\":5"), run.out());
        assertEquals(List.of("arrow", "box", "triangle", "cross", "star"), Files.readAllLines(out.resolve("classes.txt")));
        assertEquals(5, Files.list(out.resolve("images")).count());
        int lines = 0;
        for (Path label : Files.list(out.resolve("labels")).toList()) {
            for (String line : Files.readAllLines(label)) {
                int id = Integer.parseInt(line.split(" ")[0]);
                assertTrue(id >= 0 && id < 5, label + ": class id " + id);
                lines++;
            }
        }
        assertTrue(lines >= 3, lines + " boxes written");
        LabelledDataset set = LabelledDataset.load(out);
        assertEquals(ShapeScenes.CLASSES, set.classes());
        ShapeScenes source = new ShapeScenes(640, 480, 1);
        for (int i = 0; i < 5; i++) {
            List<LabelledBox> drawn = source.render(i, new Frame()).boxes();
            List<LabelledBox> got = set.images().get(i).boxes();
            assertEquals(drawn.size(), got.size());
            for (int b = 0; b < drawn.size(); b++) {
                assertEquals(drawn.get(b).label(), got.get(b).label());
                assertEquals(drawn.get(b).x1(), got.get(b).x1(), 0.01);
                assertEquals(drawn.get(b).y2(), got.get(b).y2(), 0.01);
            }
        }
    }

    @Test
    void refusesAFolderWithContentAndLeavesItAlone() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("taken"));
        Files.writeString(out.resolve("keep.txt"), "mine");
        CapturedRun run = CliRun.of("scenes", "--style", "generator", "--count", "2", "--out", out.toString(),
                "--data", DATA.toString());

        assertEquals(1, run.status());
        assertTrue(run.err().contains(out + ": already exists and is not empty"), run.err());
        assertEquals(List.of("keep.txt"), Files.list(out).map(p -> p.getFileName().toString()).toList());
        assertEquals(1, Files.list(tmp).count(), "no partial folder left beside it");
    }

    @Test
    void badOptionsAreNamed() {
        CapturedRun size = CliRun.of("scenes", "--style", "camera", "--count", "2", "--size", "640by480",
                "--out", tmp.resolve("a").toString(), "--data", DATA.toString());
        CapturedRun style = CliRun.of("scenes", "--style", "paint", "--count", "2", "--out", tmp.resolve("b").toString());
        CapturedRun data = CliRun.of("scenes", "--style", "camera", "--count", "2", "--out", tmp.resolve("c").toString(),
                "--data", tmp.resolve("nowhere").toString());
        CapturedRun fonts = CliRun.of("scenes", "--style", "fonts", "--count", "2", "--out", tmp.resolve("d").toString(),
                "--fonts", tmp.toString());

        assertEquals(1, size.status());
        assertTrue(size.err().contains("--size must be WIDTHxHEIGHT such as 640x480, got '640by480'"), size.err());
        assertEquals(2, style.status());
        assertTrue(style.err().contains("generator, camera, fonts"), style.err());
        assertEquals(1, data.status());
        assertTrue(data.err().contains("nowhere") && data.err().contains("no such folder"), data.err());
        assertEquals(1, fonts.status());
        assertTrue(fonts.err().contains("no handwriting font found") && fonts.err().contains("apt-get install fonts-"), fonts.err());
        assertTrue(Files.notExists(tmp.resolve("a")) && Files.notExists(tmp.resolve("d")), "nothing written");
    }

    private Path run(String style, String seed, String size) {
        Path out = tmp.resolve(style);
        CapturedRun run = CliRun.of("scenes", "--style", style, "--count", "6", "--seed", seed, "--size", size,
                "--out", out.toString(), "--data", DATA.toString());
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().startsWith("{\"out\":") && run.out().contains("\"images\":6"), run.out());
        return out;
    }

    private static void assertLoadsBack(Path out, SceneSource source, int width, int height) throws Exception {
        LabelledDataset set = LabelledDataset.load(out);
        assertEquals("yolo", set.format());
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), set.classes());
        assertEquals(6, set.images().size());
        int boxes = 0;
        for (int i = 0; i < 6; i++) {
            LabelledImage image = set.images().get(i);
            List<LabelledBox> drawn = source.render(i, new Frame()).boxes();
            assertEquals(width, image.width());
            assertEquals(height, image.height());
            assertEquals(drawn.size(), image.boxes().size(), image.image().toString());
            for (int b = 0; b < drawn.size(); b++) {
                LabelledBox want = drawn.get(b);
                LabelledBox got = image.boxes().get(b);
                assertEquals(want.label(), got.label());
                assertEquals(want.x1(), got.x1(), 0.01, image.image() + " box " + b);
                assertEquals(want.y1(), got.y1(), 0.01);
                assertEquals(want.x2(), got.x2(), 0.01);
                assertEquals(want.y2(), got.y2(), 0.01);
                boxes++;
            }
        }
        assertTrue(boxes > 5, boxes + " boxes compared");
    }
}
