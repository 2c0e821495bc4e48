package dev.edgevision.trainer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.edgevision.core.idx.IdxFixtures;
import dev.edgevision.core.model.ModelBundle;
import dev.edgevision.core.model.ModelManifest;
import dev.edgevision.core.testing.CapturedRun;
import dev.edgevision.core.trust.AcceptedSequences;
import dev.edgevision.core.trust.BundleVerifier;
import dev.edgevision.core.trust.CheckedBundle;
import dev.edgevision.core.trust.Compatibility;
import dev.edgevision.core.trust.TrustStore;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code trainer quantize} on the committed detector, signed, and its refusals of bad input. */
class QuantizeCommandTest {
    static final Path DETECTOR = Path.of("..", "models", "digit-detector.vbundle");
    static final Path CLASSIFIER = Path.of("..", "models", "digits.vbundle");
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    CapturedRun quantize(String... more) {
        String[] base = {"quantize", "--calibration-scenes", "4", "--speed-runs", "0",
            "--digits", IdxFixtures.bundledDataset().toString()};
        String[] args = new String[base.length + more.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return CliRun.of(args);
    }

    @Test
    void makesASignedInt8VariantOfTheCommittedDetector() throws Exception {
        CapturedRun keys = CliRun.of("keys", "generate", "--key-id", "lab", "--out", dir.resolve("lab.key").toString());
        assertEquals(0, keys.status(), keys.err());
        JsonNode key = JSON.readTree(keys.out());
        Path out = dir.resolve("int8.vbundle");
        CapturedRun run = quantize("--model", DETECTOR.toString(), "--out", out.toString(),
                "--sign-key", key.get("private_key").asText(), "--sequence", "9");
        assertEquals(0, run.status(), run.err());
        JsonNode line = JSON.readTree(run.out());
        assertEquals("int8", line.get("precision").asText());
        assertEquals(ModelBundle.open(DETECTOR).manifest().version() + "-int8", line.get("version").asText());
        assertTrue(run.err().contains("4 generated training scenes"), run.err());
        CheckedBundle checked = new BundleVerifier(TrustStore.load(Path.of(key.get("public_file").asText())),
                Compatibility.of("1.0", null), false).verify(out, AcceptedSequences.none(), false);
        assertEquals(9, checked.sequence());
        ModelManifest m = ModelBundle.open(out).manifest();
        ModelManifest source = ModelBundle.open(DETECTOR).manifest();
        assertEquals("int8", m.precision());
        assertEquals(ModelBundle.open(DETECTOR).modelSha256(), m.quantization().floatModelSha256());
        assertTrue(m.quantization().calibration().startsWith("percentiles 0.001-99.999 over 4 generated"),
                m.quantization().calibration());
        assertEquals(source.decoder(), m.decoder());
        assertEquals(source.labels(), m.labels());
    }

    @Test
    void theDefaultOutputSitsBesideTheModel() {
        assertEquals(Path.of("models", "digit-detector-int8.vbundle"),
                QuantizeCommand.defaultOut(Path.of("models", "digit-detector.vbundle")));
    }

    @Test
    void aMissingBundleIsNamed() {
        Path missing = dir.resolve("missing.vbundle");
        BadInputTest.assertOneLineError(quantize("--model", missing.toString()), missing.toString(), "no such file");
    }

    @Test
    void aFileThatIsNoBundleIsNamed() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.vbundle"), "just text");
        BadInputTest.assertOneLineError(quantize("--model", text.toString()), "notes.vbundle", "not a model bundle");
    }

    @Test
    void aClassifierBundleIsRefusedAsNotADetector() {
        BadInputTest.assertOneLineError(quantize("--model", CLASSIFIER.toString()), "digits.vbundle",
                "task is classification", "detector bundles");
    }

    @Test
    void zeroCalibrationScenesAreRefusedNamingTheOption() {
        CapturedRun run = CliRun.of("quantize", "--model", DETECTOR.toString(), "--calibration-scenes", "0");
        BadInputTest.assertOneLineError(run, "--calibration-scenes must be 1 or more, got 0",
                "digit-detector.vbundle");
    }

    @Test
    void anInt8BundleIsNotQuantisedTwice() {
        Path out = dir.resolve("once.vbundle");
        assertEquals(0, quantize("--model", DETECTOR.toString(), "--out", out.toString()).status());
        BadInputTest.assertOneLineError(quantize("--model", out.toString()), "once.vbundle", "already quantised");
    }

    @Test
    void aPercentileOutOfRangeIsRefused() {
        BadInputTest.assertOneLineError(quantize("--model", DETECTOR.toString(), "--percentile", "40"),
                "--percentile must be above 50");
    }
}
