package dev.edgevision.trainer.cli;

import dev.edgevision.core.testing.CapturedRun;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.edgevision.core.model.BundleSamples;
import dev.edgevision.core.model.BundleWriter;
import dev.edgevision.core.model.ModelBundle;
import dev.edgevision.ort.OrtModel;
import dev.edgevision.trainer.classifier.DigitLabels;
import dev.edgevision.core.model.Task;
import dev.edgevision.core.idx.DigitSet;
import dev.edgevision.core.idx.IdxFixtures;
import dev.edgevision.core.idx.IdxFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The three commands end to end on a small slice of the real digits. */
class TrainEvaluateExportTest {
    @TempDir
    static Path dir;
    static Path data;
    static Path run;
    static JsonNode trained;
    static String trainErr;

    @BeforeAll
    static void train() throws Exception {
        data = Files.createDirectory(dir.resolve("data"));
        IdxFolder real = IdxFolder.scan(IdxFixtures.bundledDataset());
        IdxFixtures.writeSubset(real.train().read(), 600, data, "train");
        IdxFixtures.writeSubset(real.test().orElseThrow().read(), 200, data, "test");
        run = dir.resolve("run");
        CapturedRun result = CliRun.of("train", "--data", data.toString(), "--out", run.toString(), "--epochs", "2",
                "--width", "4", "--batch", "32", "--reject-marks", "80");
        assertEquals(0, result.status(), result.err());
        trained = new ObjectMapper().readTree(result.out().strip());
        trainErr = result.err();
    }

    @Test
    void trainWritesCheckpointBundleAndReport() throws Exception {
        assertEquals(200, trained.get("count").asInt());
        assertEquals("test", trained.get("split").asText());
        double accuracy = trained.get("accuracy").asDouble();
        assertTrue(accuracy > 0.3, "two short epochs on 540 digits already beat chance by far: " + accuracy);
        assertTrue(Files.size(run.resolve("checkpoint.zip")) > 1000);
        ModelBundle bundle = ModelBundle.open(run.resolve("digits.vbundle"));
        assertEquals(Task.CLASSIFICATION, bundle.manifest().task());
        assertEquals(accuracy, ((Number) bundle.manifest().metrics().get("test_accuracy")).doubleValue(), 1e-12);
        assertEquals(DigitLabels.WITH_REJECT, bundle.manifest().labels(), "ten digits and the reject class");
        assertEquals(DigitLabels.REJECT, bundle.manifest().decoder().rejectLabel());
        assertEquals(DigitLabels.LABELS, bundle.manifest().reportedLabels());
        assertEquals(80, ((Number) bundle.manifest().metrics().get("reject_marks")).intValue());
        double rejected = ((Number) bundle.manifest().metrics().get("validation_marks_rejected")).doubleValue();
        assertTrue(rejected >= 0 && rejected <= 1, "share of held-out marks rejected: " + rejected);
        assertTrue(trainErr.contains("80 marks that are not digits cut from generated pages"), trainErr);
        String report = Files.readString(run.resolve("report.html"));
        assertTrue(report.contains("Digit classifier"), "report title");
        assertTrue(report.contains("<svg"), "report has charts");
    }

    @Test
    void evaluatePrintsTheSameAccuracyAsTraining() throws Exception {
        CapturedRun result = CliRun.of("evaluate", "--model", run.resolve("digits.vbundle").toString(), "--data",
                data.toString());
        assertEquals(0, result.status(), result.err());
        assertEquals(1, result.out().lines().count(), "exactly one JSON line: " + result.out());
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertEquals(200, json.get("count").asInt());
        assertEquals(trained.get("accuracy").asDouble(), json.get("accuracy").asDouble(), 1e-6);
        JsonNode perClass = json.get("per_class");
        assertEquals(11, perClass.size(), "ten digits and not_digit: " + perClass);
        assertEquals(0, perClass.path(DigitLabels.REJECT).path("count").asInt(), "no test digit is a reject mark");
        int sum = 0;
        for (JsonNode c : perClass) {
            sum += c.get("count").asInt();
        }
        assertEquals(200, sum);
    }

    @Test
    void exportedCheckpointScoresLikeTheTrainedBundle() throws Exception {
        Path exported = dir.resolve("exported.vbundle");
        CapturedRun export = CliRun.of("export", "--checkpoint", run.resolve("checkpoint.zip").toString(), "--out",
                exported.toString(), "--name", "digits-x", "--model-version", "7", "--data", data.toString());
        assertEquals(0, export.status(), export.err());
        ModelBundle bundle = ModelBundle.open(exported);
        assertEquals("digits-x", bundle.manifest().name());
        assertEquals("7", bundle.manifest().version());
        assertEquals(ModelBundle.open(run.resolve("digits.vbundle")).modelSha256(), bundle.modelSha256(),
                "the same network exports to the same ONNX bytes");
        CapturedRun evaluate = CliRun.of("evaluate", "--model", exported.toString(), "--data", data.toString());
        assertEquals(trained.get("accuracy").asDouble(),
                new ObjectMapper().readTree(evaluate.out()).get("accuracy").asDouble(), 1e-6);
    }

    @Test
    void evaluateWithoutTestFilesScoresEveryPair() throws Exception {
        Path other = Files.createDirectory(dir.resolve("pairs"));
        DigitSet test = IdxFolder.scan(data).test().orElseThrow().read();
        IdxFixtures.writeSubset(test, 50, other, "batch1");
        IdxFixtures.writeSubset(test, 30, other, "batch2");
        CapturedRun result = CliRun.of("evaluate", "--model", run.resolve("digits.vbundle").toString(), "--data",
                other.toString());
        assertEquals(0, result.status(), result.err());
        assertEquals(80, new ObjectMapper().readTree(result.out()).get("count").asInt());
    }

    @Test
    void bundlesCarryCalibrationImagesAndOnnxRuntimesReferenceOutputs() throws Exception {
        ModelBundle bundle = ModelBundle.open(run.resolve("digits.vbundle"));
        assertEquals(40, BundleSamples.calibrationNames(bundle.manifest()).size());
        DigitSet test = IdxFolder.scan(data).test().orElseThrow().read();
        assertArrayEquals(test.image(3), BundleSamples.calibrationImages(bundle).get(3).pixels(),
                "the test split's digits, as they are");
        float[] inputs = BundleSamples.referenceInput(bundle).orElseThrow();
        assertEquals(16 * 784, inputs.length);
        float[] stored = BundleSamples.referenceOutput(bundle, 0).orElseThrow();
        try (OrtModel model = OrtModel.load(bundle.modelBytes(), 1)) {
            assertArrayEquals(model.run(inputs, new long[] {16, 1, 28, 28}, "probabilities"), stored, 1e-6f);
        }
    }

    @Test
    void addSamplesGivesAnOlderBundleItsSamplesAndKeepsTheModel() throws Exception {
        ModelBundle trainedBundle = ModelBundle.open(run.resolve("digits.vbundle"));
        Path old = dir.resolve("old.vbundle");
        new BundleWriter(trainedBundle.manifest()).add("model.onnx", trainedBundle.modelBytes()).write(old);
        assertEquals(0, BundleSamples.calibrationNames(ModelBundle.open(old).manifest()).size());
        Path updated = dir.resolve("updated.vbundle");
        CapturedRun add = CliRun.of("add-samples", "--model", old.toString(), "--data", data.toString(), "--out",
                updated.toString());
        assertEquals(0, add.status(), add.err());
        ModelBundle bundle = ModelBundle.open(updated);
        assertEquals(trainedBundle.modelSha256(), bundle.modelSha256());
        assertEquals(40, BundleSamples.calibrationNames(bundle.manifest()).size());
        assertArrayEquals(BundleSamples.referenceOutput(trainedBundle, 0).orElseThrow(),
                BundleSamples.referenceOutput(bundle, 0).orElseThrow());
        assertEquals(bundle.sha256(), new ObjectMapper().readTree(add.out()).get("sha256").asText());
        CapturedRun again = CliRun.of("add-samples", "--model", updated.toString(), "--data", data.toString());
        assertEquals(0, again.status(), again.err());
        assertEquals(bundle.manifest().files(), ModelBundle.open(updated).manifest().files(),
                "adding samples again replaces them with the same ones");
    }
}
