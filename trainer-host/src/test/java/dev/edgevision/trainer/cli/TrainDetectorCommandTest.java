package dev.edgevision.trainer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.edgevision.core.testing.CapturedRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tiny detector through the command line: trained for two steps, scored, reported, evaluated again. */
class TrainDetectorCommandTest {
    private static final String DATA = Path.of("..", "datasets", "mnist-9k").toString();
    private static final String[] TINY = {"--widths", "4,8,8", "--anchors", "3", "--batch", "4",
        "--steps", "2", "--epochs", "1", "--validation", "8", "--digits", DATA};

    @TempDir
    Path tmp;

    private CapturedRun train(String... more) {
        String[] args = new String[TINY.length + more.length + 1];
        args[0] = "train-detector";
        System.arraycopy(TINY, 0, args, 1, TINY.length);
        System.arraycopy(more, 0, args, TINY.length + 1, more.length);
        return CliRun.of(args);
    }

    @Test
    void trainsScoresAndReportsThenEvaluateScoresTheBundleOnAWrittenSet() throws Exception {
        Path out = tmp.resolve("run");
        CapturedRun run = train("--out", out.toString(), "--size", "64x48");
        assertEquals(0, run.status(), run.err());
        JsonNode line = new ObjectMapper().readTree(run.out());
        assertEquals(1, line.get("epochs").asInt());
        assertTrue(line.get("test_map50").isNumber(), run.out());
        assertTrue(Files.isRegularFile(out.resolve("detector.vbundle")));
        String report = Files.readString(out.resolve("report.html"));
        assertTrue(report.contains("Validation mAP@0.5 per epoch") && report.contains("Average precision per class"),
                "report sections");

        CapturedRun export = train("--out", out.toString(), "--size", "64x48", "--export");
        assertEquals(0, export.status(), export.err());
        assertTrue(new ObjectMapper().readTree(export.out()).get("stop_reason").asText().contains("without training"),
                export.out());

        Path scenes = tmp.resolve("scenes");
        assertEquals(0, CliRun.of("scenes", "--style", "camera", "--count", "3", "--size", "320x240", "--out",
                scenes.toString(), "--data", DATA).status());
        CapturedRun eval = CliRun.of("evaluate", "--model", out.resolve("detector.vbundle").toString(), "--data",
                scenes.toString(), "--report", tmp.resolve("eval.html").toString());
        assertEquals(0, eval.status(), eval.err());
        JsonNode scores = new ObjectMapper().readTree(eval.out());
        assertEquals(3, scores.get("images").asInt());
        assertTrue(scores.has("map50") && scores.has("per_class") && scores.has("false_per_empty_frame"), eval.out());
        assertTrue(Files.readString(tmp.resolve("eval.html")).contains("Precision / recall"));
    }

    @Test
    void badOptionsAndRunFoldersAreOneLineErrorsNamingThem() {
        CapturedRun size = train("--out", tmp.resolve("a").toString(), "--size", "65x48");
        assertNotEquals(0, size.status());
        assertTrue(size.err().contains("--size 65x48") && size.err().contains("stride 4"), size.err());

        CapturedRun loss = train("--out", tmp.resolve("l").toString(), "--size", "64x48", "--class-loss", "focal");
        assertNotEquals(0, loss.status());
        assertTrue(loss.err().contains("--class-loss") && loss.err().contains("focal"), loss.err());
        assertEquals(1, loss.err().strip().lines().count(), loss.err());

        CapturedRun resume = train("--out", tmp.resolve("none").toString(), "--size", "64x48", "--resume");
        assertNotEquals(0, resume.status());
        assertTrue(resume.err().contains("no checkpoint to resume"), resume.err());
        assertEquals(1, resume.err().strip().lines().count(), resume.err());

        CapturedRun data = train("--out", tmp.resolve("b").toString(), "--size", "64x48", "--data",
                tmp.resolve("missing").toString());
        assertNotEquals(0, data.status());
        assertTrue(data.err().contains("missing"), data.err());
    }

    @Test
    void trainsOnAUsersLabelledFolderWithValidationHeldOut() throws Exception {
        Path labelled = tmp.resolve("labelled");
        assertEquals(0, CliRun.of("scenes", "--style", "generator", "--count", "20", "--size", "160x120", "--out",
                labelled.toString(), "--data", DATA).status());
        Path out = tmp.resolve("objects");
        CapturedRun run = train("--out", out.toString(), "--size", "64x48", "--data", labelled.toString(), "--flip");
        assertEquals(0, run.status(), run.err());
        JsonNode line = new ObjectMapper().readTree(run.out());
        assertEquals(1, line.get("epochs").asInt());
        assertTrue(Files.isRegularFile(out.resolve("detector.vbundle")));
        assertTrue(run.err().contains("anchors (grid cells)"), run.err());
        String manifest = new String(dev.edgevision.core.model.ModelBundle.open(out.resolve("detector.vbundle"))
                .manifest().name());
        assertEquals("labelled", manifest, "the model is named after the data folder");
    }

    @Test
    void aLabelledRunStartsFromAnotherRunsFeatureLayers() throws Exception {
        Path digitsRun = tmp.resolve("digits");
        assertEquals(0, train("--out", digitsRun.toString(), "--size", "64x48").status());
        Path labelled = tmp.resolve("labelled");
        assertEquals(0, CliRun.of("scenes", "--style", "generator", "--count", "20", "--size", "160x120", "--out",
                labelled.toString(), "--data", DATA).status());
        Path weights = digitsRun.resolve("checkpoint").resolve("best.zip");
        CapturedRun run = train("--out", tmp.resolve("tuned").toString(), "--size", "96x64", "--data",
                labelled.toString(), "--init-from", weights.toString());
        assertEquals(0, run.status(), run.err());
        assertTrue(run.err().contains("starting from the feature layers of " + weights), run.err());

        CapturedRun missing = train("--out", tmp.resolve("m").toString(), "--size", "96x64", "--data",
                labelled.toString(), "--init-from", tmp.resolve("absent.zip").toString());
        assertNotEquals(0, missing.status());
        assertTrue(missing.err().contains("absent.zip") && missing.err().contains("--init-from none"), missing.err());
        assertEquals(1, missing.err().strip().lines().count(), missing.err());

        CapturedRun wider = train("--out", tmp.resolve("w").toString(), "--size", "96x64", "--data",
                labelled.toString(), "--init-from", weights.toString(), "--context-layers", "0");
        assertNotEquals(0, wider.status());
        assertTrue(wider.err().contains("do not fit"), wider.err());

        CapturedRun continued = train("--out", tmp.resolve("continued").toString(), "--size", "64x48", "--init-from",
                weights.toString(), "--keep-head");
        assertEquals(0, continued.status(), continued.err());
        assertTrue(continued.err().contains("kept from " + weights) && continued.err().contains("continuing " + weights),
                continued.err());

        CapturedRun alone = train("--out", tmp.resolve("alone").toString(), "--size", "64x48", "--keep-head");
        assertNotEquals(0, alone.status());
        assertTrue(alone.err().contains("--keep-head needs --init-from"), alone.err());
    }

    @Test
    void tooFewLabelledImagesIsAClearError() throws Exception {
        Path labelled = tmp.resolve("one");
        assertEquals(0, CliRun.of("scenes", "--style", "generator", "--count", "1", "--size", "160x120", "--out",
                labelled.toString(), "--data", DATA).status());
        CapturedRun run = train("--out", tmp.resolve("x").toString(), "--size", "64x48", "--data", labelled.toString());
        assertNotEquals(0, run.status());
        assertTrue(run.err().contains("too few") && run.err().contains("label at least 20"), run.err());
    }

    @Test
    void aCorruptImageInTheLabelledFolderIsNamed() throws Exception {
        Path labelled = tmp.resolve("corrupt");
        assertEquals(0, CliRun.of("scenes", "--style", "generator", "--count", "20", "--size", "160x120", "--out",
                labelled.toString(), "--data", DATA).status());
        try (var images = Files.list(labelled.resolve("images"))) {
            for (Path image : images.toList()) {
                Files.write(image, new byte[] {1, 2, 3});
            }
        }
        CapturedRun run = train("--out", tmp.resolve("c").toString(), "--size", "64x48", "--data", labelled.toString());
        assertNotEquals(0, run.status());
        assertTrue(run.err().contains(labelled.resolve("images").toString()), run.err());
        assertEquals(1, run.err().strip().lines().filter(l -> l.contains("error")).count(), run.err());
        assertTrue(!run.err().contains("--verbose"), "an expected error, no stack trace hint: " + run.err());
    }
}
