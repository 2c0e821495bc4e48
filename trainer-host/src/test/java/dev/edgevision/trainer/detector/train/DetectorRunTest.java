package dev.edgevision.trainer.detector.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgevision.core.idx.DigitSet;
import dev.edgevision.core.idx.IdxFolder;
import dev.edgevision.core.model.ModelBundle;
import dev.edgevision.core.model.Polarity;
import dev.edgevision.ort.OrtRunner;
import dev.edgevision.trainer.bundle.DetectorBundle;
import dev.edgevision.trainer.cli.UsageException;
import dev.edgevision.trainer.detector.net.ClassLoss;
import dev.edgevision.trainer.detector.net.DetectorArchitecture;
import dev.edgevision.trainer.detector.run.DetectorRun;
import dev.edgevision.trainer.detector.scenes.SceneSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** A tiny detector trained for a few steps: checkpoints, resume, export and ONNX parity. */
class DetectorRunTest {
    private static final DetectorTrainingSettings TINY = new DetectorTrainingSettings(7, 64, 48, List.of(4, 8, 8), 1,
            3, 4, 3, 2, 5, 1e-3, 8, ClassLoss.DEFAULT);
    private static final SceneSettings SCENES = SceneSettings.digits().withSize(128, 96).withGeometry(16, 40, 15);
    private static DigitSet digits;

    @TempDir
    Path dir;

    @BeforeAll
    static void readDigits() throws Exception {
        digits = IdxFolder.scan(Path.of("..", "datasets", "mnist-9k")).test().orElseThrow().read();
    }

    private static DetectorRun.Outcome run(Path out, boolean resume, Duration budget) throws Exception {
        return new DetectorRun(out, new DetectorTrainer.Listener() { })
                .execute(TINY, resume, new DigitSceneSamples(digits, SCENES), new DigitSceneSamples(digits, SCENES), null,
                        Polarity.DARK_ON_LIGHT, "tiny", "1", "test detector", budget);
    }

    @Test
    void aStoppedRunResumedGivesTheSameNetworkAsAnUninterruptedOne() throws Exception {
        DetectorRun.Outcome straight = run(dir.resolve("straight"), false, Duration.ofHours(1));
        assertTrue(straight.finished());
        assertEquals(2, straight.state().epochsDone());

        DetectorRun.Outcome first = run(dir.resolve("stopped"), false, Duration.ZERO);
        assertFalse(first.finished(), "a zero budget stops after one epoch");
        assertEquals(1, first.state().epochsDone());
        assertTrue(first.stopReason().contains("--resume"), first.stopReason());
        DetectorRun.Outcome resumed = run(dir.resolve("stopped"), true, Duration.ofHours(1));
        assertEquals(2, resumed.state().epochsDone());

        MultiLayerNetwork a = new CheckpointStore(dir.resolve("straight")).last();
        MultiLayerNetwork b = new CheckpointStore(dir.resolve("stopped")).last();
        assertArrayEquals(a.params().toFloatVector(), b.params().toFloatVector(), 0f);
        assertEquals(straight.state().history().get(1).trainLoss(), resumed.state().history().get(1).trainLoss(), 0.0);
    }

    @Test
    void aFinishedRunResumedWithMoreEpochsTrainsOnAndOneWithFewerIsRefused() throws Exception {
        Path out = dir.resolve("extended");
        assertTrue(run(out, false, Duration.ofHours(1)).finished());
        DetectorRun.Outcome more = new DetectorRun(out, new DetectorTrainer.Listener() { })
                .execute(TINY.withMaxEpochs(3), true, new DigitSceneSamples(digits, SCENES),
                        new DigitSceneSamples(digits, SCENES), null, Polarity.DARK_ON_LIGHT, "tiny", "1", "test detector",
                        Duration.ofHours(1));
        assertEquals(3, more.state().epochsDone());
        assertEquals(3, new CheckpointStore(out).state().settings().maxEpochs(), "the checkpoint keeps the new limit");
        UsageException fewer = assertThrows(UsageException.class, () -> new DetectorRun(out,
                new DetectorTrainer.Listener() { }).execute(TINY.withMaxEpochs(2), true,
                new DigitSceneSamples(digits, SCENES), new DigitSceneSamples(digits, SCENES), null, Polarity.DARK_ON_LIGHT,
                "tiny", "1", "test detector", Duration.ofHours(1)));
        assertTrue(fewer.getMessage().contains("other settings"), fewer.getMessage());
    }

    @Test
    void aResumeWithOtherScenesScoresTheBestEpochAgainOnTheNewValidationScenes() throws Exception {
        Path out = dir.resolve("rescored");
        run(out, false, Duration.ZERO);
        CheckpointStore store = new CheckpointStore(out);
        TrainingState state = store.state();
        // A stand-in for mAP that depends only on the validation scenes: the share of target cells holding a box.
        DetectorTrainer.Validator boxShare = (net, validation) -> validation.stream()
                .mapToDouble(d -> d.getLabels().sumNumber().doubleValue() / d.getLabels().length()).average().orElse(0);
        double[] heard = new double[3];
        SceneSettings other = SCENES.withGeometry(10, 22, 30);
        DetectorArchitecture arch = DetectorTrainer.architecture(state);
        InputEncoder encoder = new InputEncoder(DetectorBundle.manifest(arch, state.classes(), Polarity.DARK_ON_LIGHT,
                "tiny", "1", "test detector", java.util.Map.of()).input(), Polarity.DARK_ON_LIGHT, state.classes());
        DetectorTrainer.Result resumed = new DetectorTrainer(new DigitSceneSamples(digits, other),
                new DigitSceneSamples(digits, other), encoder, store, boxShare, new DetectorTrainer.Listener() {
                    @Override
                    public void bestRescored(int epoch, double was, double now) {
                        heard[0] = epoch;
                        heard[1] = was;
                        heard[2] = now;
                    }
                }).train(store.last(), state, Duration.ofHours(1));
        assertEquals(1, heard[0], "the best epoch was scored again");
        assertEquals(state.bestMap(), heard[1], 0.0);
        assertNotEquals(state.bestMap(), heard[2], 1e-6, "other scenes give the best epoch another score");
        DetectorEpoch second = resumed.state().history().get(1);
        assertEquals(heard[2], second.validationMap(), 0.0, "the same scenes, the same stand-in score");
        assertEquals(1, resumed.state().bestEpoch(), "epoch 2 does not beat epoch 1 on the same scenes");
    }

    @Test
    void theBundleComputesWhatTheNetworkComputes() throws Exception {
        DetectorRun.Outcome outcome = run(dir.resolve("run"), false, Duration.ofHours(1));
        assertTrue(Files.isRegularFile(outcome.bundle()));
        ModelBundle bundle = ModelBundle.open(outcome.bundle());
        assertEquals("yolo2", bundle.manifest().decoder().type());
        // the shipped threshold is the one chosen on validation, in the decoder, the metrics and the summary
        assertEquals(outcome.threshold().manifestValue(), ((Number) bundle.manifest().decoder().parameters()
                .get("score_threshold")).doubleValue(), 0.0);
        assertEquals(outcome.threshold().manifestValue(), ((Number) bundle.manifest().metrics().get("score_threshold"))
                .doubleValue(), 0.0);
        assertTrue(outcome.summaryJson().contains("\"score_threshold\":" + outcome.threshold().manifestValue()),
                outcome.summaryJson());
        MultiLayerNetwork net = new CheckpointStore(dir.resolve("run")).best();
        Nd4j.getRandom().setSeed(3);
        INDArray x = Nd4j.rand(new int[] {1, 1, 48, 64});
        float[] expected = MapValidator.rawOutput(net, x).dup('c').data().asFloat();
        try (OrtRunner runner = new OrtRunner(bundle, 1, 1)) {
            System.arraycopy(x.data().asFloat(), 0, runner.input(), 0, 48 * 64);
            float[] actual = runner.run(1);
            assertEquals(expected.length, bundle.manifest().outputs().get(0).shape().stream()
                    .skip(1).reduce(1, (p, q) -> p * q));
            for (int i = 0; i < expected.length; i++) {
                assertEquals(expected[i], actual[i], 1e-4, "output " + i);
            }
        }
    }

    @Test
    void resumingWithOtherSettingsOrWithoutACheckpointIsRefused() throws Exception {
        UsageException none = assertThrows(UsageException.class, () -> run(dir.resolve("empty"), true, Duration.ZERO));
        assertTrue(none.getMessage().contains("no checkpoint to resume"), none.getMessage());
        run(dir.resolve("once"), false, Duration.ZERO);
        UsageException again = assertThrows(UsageException.class, () -> run(dir.resolve("once"), false, Duration.ZERO));
        assertTrue(again.getMessage().contains("--resume"), again.getMessage());
    }
}
