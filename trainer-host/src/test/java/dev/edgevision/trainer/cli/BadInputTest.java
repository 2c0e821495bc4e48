package dev.edgevision.trainer.cli;

import dev.edgevision.core.testing.CapturedRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgevision.core.idx.IdxFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every piece of bad input is one line on standard error naming it, exit status 1, no stack trace. */
class BadInputTest {
    @TempDir
    Path dir;

    static void assertOneLineError(CapturedRun run, String... fragments) {
        assertEquals(1, run.status(), run.err());
        assertEquals("", run.out(), "nothing on standard output");
        String first = run.err().lines().filter(l -> l.contains("error:")).findFirst().orElse("");
        for (String fragment : fragments) {
            assertTrue(first.contains(fragment), "'" + fragment + "' in: " + run.err());
        }
        assertFalse(run.err().contains("\tat "), "no stack trace without --verbose: " + run.err());
    }

    @Test
    void missingBundle() {
        Path bundle = dir.resolve("missing.vbundle");
        assertOneLineError(CliRun.of("evaluate", "--model", bundle.toString()), bundle.toString(), "no such file");
    }

    @Test
    void notABundle() throws Exception {
        Path bundle = Files.writeString(dir.resolve("notes.vbundle"), "just text");
        assertOneLineError(CliRun.of("evaluate", "--model", bundle.toString()), "notes.vbundle", "not a model bundle");
    }

    @Test
    void missingDataFolder() throws Exception {
        Path data = dir.resolve("no-data");
        assertOneLineError(CliRun.of("train", "--data", data.toString(), "--out", dir.resolve("run").toString()),
                data.toString(), "no such folder");
    }

    @Test
    void wrongMagic() throws Exception {
        IdxFixtures.writePair(dir, "train", 10, false, 1);
        Files.copy(dir.resolve("train-labels-idx1-ubyte"), dir.resolve("train-images-idx3-ubyte"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertOneLineError(CliRun.of("train", "--data", dir.toString(), "--out", dir.resolve("run").toString()),
                "train-images-idx3-ubyte", "wrong IDX magic");
    }

    @Test
    void truncatedImages() throws Exception {
        IdxFixtures.writePair(dir, "train", 10, false, 1);
        Path images = dir.resolve("train-images-idx3-ubyte");
        byte[] bytes = Files.readAllBytes(images);
        Files.write(images, java.util.Arrays.copyOf(bytes, bytes.length - 100));
        assertOneLineError(CliRun.of("train", "--data", dir.toString(), "--out", dir.resolve("run").toString()),
                "train-images-idx3-ubyte", "truncated");
    }

    @Test
    void countMismatch() throws Exception {
        IdxFixtures.writePair(dir, "train", 10, false, 1);
        Path other = Files.createDirectory(dir.resolve("other"));
        IdxFixtures.writePair(other, "train", 12, false, 1);
        Files.copy(other.resolve("train-labels-idx1-ubyte"), dir.resolve("train-labels-idx1-ubyte"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertOneLineError(CliRun.of("train", "--data", dir.toString(), "--out", dir.resolve("run").toString()),
                "holds 10 images but train-labels-idx1-ubyte holds 12 labels");
    }

    @Test
    void outOfRangeOption() {
        assertOneLineError(CliRun.of("train", "--batch", "0"), "--batch must be 1..4096, got 0");
        assertOneLineError(CliRun.of("train", "--augmentation", "wild"), "--augmentation must be 'digits' or 'none'");
    }

    @Test
    void unknownOptionIsAUsageError() {
        CapturedRun run = CliRun.of("train", "--no-such-option");
        assertEquals(2, run.status());
        assertTrue(run.err().contains("Unknown option: '--no-such-option'"), run.err());
    }

    @Test
    void checkpointThatIsNotOne() throws Exception {
        Path checkpoint = Files.writeString(dir.resolve("checkpoint.zip"), "nope");
        assertOneLineError(CliRun.of("export", "--checkpoint", checkpoint.toString(), "--out",
                dir.resolve("x.vbundle").toString()), "checkpoint.zip", "not a DL4J checkpoint");
        assertFalse(Files.exists(dir.resolve("x.vbundle")));
    }

    @Test
    void bundleForOtherImagesIsNamed() throws Exception {
        dev.edgevision.core.model.ModelBundle digits = dev.edgevision.core.model.ModelBundle.open(
                Path.of("..", "models", "digits.vbundle"));
        var m = digits.manifest();
        var in = m.input();
        var wide = new dev.edgevision.core.model.InputSpec(in.name(), java.util.List.of(-1, 1, 32, 32), in.layout(),
                in.dtype(), in.colour(), in.valueRange(), in.mean(), in.std(), in.polarity(), in.resize());
        Path bundle = dir.resolve("wide.vbundle");
        new dev.edgevision.core.model.BundleWriter(new dev.edgevision.core.model.ModelManifest(m.formatVersion(),
                m.name(), m.version(), m.task(), m.description(), m.created(), m.producer(), m.modelFile(), wide,
                m.outputs(), m.decoder(), m.labels(), m.metrics(), m.files()))
                .add(m.modelFile(), digits.modelBytes()).write(bundle);
        assertOneLineError(CliRun.of("evaluate", "--model", bundle.toString(), "--data",
                IdxFixtures.bundledDataset().toString()), "wide.vbundle", "the model takes 1x32x32 inputs");
    }

    @Test
    void helpListsTheCommands() {
        CapturedRun run = CliRun.of("--help");
        assertEquals(0, run.status());
        String help = run.out() + run.err();
        for (String command : new String[] {"train", "evaluate", "export"}) {
            assertTrue(help.contains(command), help);
        }
    }
}
