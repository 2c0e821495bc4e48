package dev.edgevision.device.cli;

import dev.edgevision.core.testing.CapturedRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgevision.core.detect.DetectionJson;
import dev.edgevision.core.detect.DetectionRecord;
import dev.edgevision.core.idx.DigitSet;
import dev.edgevision.core.idx.IdxFixtures;
import dev.edgevision.core.idx.IdxFolder;
import dev.edgevision.core.preprocess.PaperPage;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code detect} as the contract fixes it: records on standard output only, bad inputs named, status 1. */
class DetectCommandTest {
    static final String BUNDLE = Path.of("..", "models", "digits.vbundle").toString();

    @TempDir
    static Path dir;
    static Path pages;
    static PaperPage first;

    @BeforeAll
    static void writePages() throws Exception {
        DigitSet digits = IdxFolder.scan(IdxFixtures.bundledDataset()).test().orElseThrow().read();
        pages = Files.createDirectory(dir.resolve("pages"));
        for (int n = 0; n < 3; n++) {
            PaperPage page = new PaperPage(320, 240, 220);
            for (int i = 0; i < 3; i++) {
                page.draw(digits, n * 3 + i, 20 + i * 100, 60, 70, 30);
            }
            if (n == 0) {
                first = page;
            }
            BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_BYTE_GRAY);
            image.getRaster().setDataElements(0, 0, 320, 240, page.gray);
            ImageIO.write(image, n == 1 ? "bmp" : "png", pages.resolve("page" + n + (n == 1 ? ".bmp" : ".png")).toFile());
        }
    }

    @Test
    void writesOneRecordPerImageAndNothingElse() throws Exception {
        CapturedRun run = CliRun.of("detect", "--model", BUNDLE, "--device", "bench-1", pages.toString());
        assertEquals(0, run.status(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(3, lines.size(), run.out());
        DetectionRecord record = DetectionJson.read(lines.get(0));
        assertEquals(1, record.schema());
        assertEquals("bench-1", record.device());
        assertEquals(pages.resolve("page0.png").toString(), record.source());
        assertEquals(320, record.width());
        assertEquals("onnxruntime-cpu", record.backend());
        assertEquals("digits", record.model().name());
        List<Integer> found = record.detections().stream().map(d -> d.classId()).toList();
        assertEquals(first.labels, found, "the three digits of the first page, left to right");
        assertTrue(record.latencyMs().total() > 0);
        assertTrue(run.err().contains("backend onnxruntime"), run.err());
    }

    @Test
    void badInputIsNamedTheRestGoesOnAndStatusIsOne() throws Exception {
        Path corrupt = Files.write(dir.resolve("broken.jpg"), new byte[] {1, 2, 3, 4});
        Path out = dir.resolve("records.jsonl");
        CapturedRun run = CliRun.of("detect", "--model", BUNDLE, "--out", out.toString(), corrupt.toString(),
                pages.resolve("page2.png").toString(), dir.resolve("missing.png").toString());
        assertEquals(1, run.status(), run.err());
        assertEquals("", run.out(), "records go to --out, nothing to standard output");
        assertEquals(1, Files.readAllLines(out).size());
        assertTrue(run.err().contains("broken.jpg"), run.err());
        assertTrue(run.err().contains("missing.png: no such file or folder"), run.err());
    }

    @Test
    void emptyFolderIsAnError() throws Exception {
        Path empty = java.nio.file.Files.createDirectories(dir.resolve("empty"));
        CapturedRun run = CliRun.of("detect", "--model", BUNDLE, empty.toString());
        assertEquals(1, run.status());
        assertTrue(run.err().contains("empty: holds no images or videos"), run.err());
    }

    @Test
    void badBundleIsOneLine() throws Exception {
        Path notBundle = Files.writeString(dir.resolve("x.vbundle"), "nope");
        CapturedRun run = CliRun.of("detect", "--model", notBundle.toString(), pages.toString());
        assertEquals(1, run.status());
        assertTrue(run.err().contains("x.vbundle: not a model bundle"), run.err());
        assertEquals("", run.out());
    }
}
