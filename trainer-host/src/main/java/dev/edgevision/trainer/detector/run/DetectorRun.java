package dev.edgevision.trainer.detector.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.edgevision.core.model.InputSpec;
import dev.edgevision.core.model.ModelBundle;
import dev.edgevision.trainer.detector.eval.DetectionEvaluation;
import dev.edgevision.trainer.detector.eval.ThresholdChoice;
import dev.edgevision.trainer.eval.DetectionBundleEvaluator;
import dev.edgevision.core.model.ModelManifest;
import dev.edgevision.core.model.Polarity;
import dev.edgevision.trainer.bundle.DetectorBundle;
import dev.edgevision.trainer.cli.UsageException;
import dev.edgevision.trainer.detector.net.DetectorArchitecture;
import dev.edgevision.trainer.detector.train.AnchorFitter;
import dev.edgevision.trainer.detector.train.CheckpointStore;
import dev.edgevision.trainer.detector.train.DetectorBatches;
import dev.edgevision.trainer.detector.train.DetectorEpoch;
import dev.edgevision.trainer.detector.train.DetectorTrainer;
import dev.edgevision.trainer.detector.train.DetectorTrainingSettings;
import dev.edgevision.trainer.detector.train.InputEncoder;
import dev.edgevision.trainer.detector.train.LabelledFrame;
import dev.edgevision.trainer.detector.train.MapValidator;
import dev.edgevision.trainer.detector.train.PretrainedFeatures;
import dev.edgevision.trainer.detector.train.SampleSource;
import dev.edgevision.trainer.detector.train.TrainingState;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * One detector training run in its folder, from fresh or from a checkpoint to the exported bundle:
 * anchors fitted to the training boxes, training with checkpoints, and the best epoch's network
 * exported as {@code OUT/detector.vbundle}.
 */
public final class DetectorRun {
    private static final int ANCHOR_SAMPLES = 1500;
    private static final long ANCHOR_STREAM = 99;
    /** Test examples scored through ONNX Runtime at the end of a run. */
    static final int TEST_EXAMPLES = 300;
    private static final long TEST_SEED = 777_000_000L;
    private static final long THRESHOLD_SEED = 555_000_000L;

    /** What the run produced. */
    public record Outcome(TrainingState state, String stopReason, boolean finished, Path bundle, Path report,
            DetectionEvaluation test, double seconds, ThresholdChoice threshold) {
        /** One JSON line for scripts. */
        public String summaryJson() throws IOException {
            Map<String, Object> line = new LinkedHashMap<>();
            DetectorEpoch best = state.bestEpoch() == 0 ? null : state.history().get(state.bestEpoch() - 1);
            line.put("validation_map", best == null ? null : Math.round(best.validationMap() * 10000) / 10000.0);
            line.put("best_epoch", state.bestEpoch());
            line.put("epochs", state.epochsDone());
            line.put("finished", finished);
            line.put("stop_reason", stopReason);
            line.put("training_seconds", Math.round(state.trainingSeconds()));
            if (test != null) {
                line.put("test_map50", Math.round(test.meanAveragePrecision() * 10000) / 10000.0);
                line.put("test_false_per_empty_frame", Math.round(test.falseDetectionsPerEmptyFrame() * 10000) / 10000.0);
            }
            if (threshold != null) {
                line.put("score_threshold", threshold.manifestValue());
                line.put("validation_f1", Double.isFinite(threshold.f1()) ? Math.round(threshold.f1() * 10000) / 10000.0 : null);
            }
            line.put("bundle", bundle == null ? null : bundle.toString());
            line.put("report", report == null ? null : report.toString());
            return new ObjectMapper().writeValueAsString(line);
        }
    }

    private final Path out;
    private final DetectorTrainer.Listener listener;
    private final PretrainedFeatures initialFeatures;

    public DetectorRun(Path out, DetectorTrainer.Listener listener) {
        this(out, listener, null);
    }

    /**
     * A run whose fresh network starts from {@code initialFeatures}' feature layers (null: random
     * weights). A resumed run continues from its own checkpoint whatever {@code initialFeatures} is.
     */
    public DetectorRun(Path out, DetectorTrainer.Listener listener, PretrainedFeatures initialFeatures) {
        this.out = out;
        this.listener = listener;
        this.initialFeatures = initialFeatures;
    }

    /**
     * Trains (or resumes) and exports.
     *
     * @param test examples made from data neither training nor validation saw, or null
     * @param budget training time of this invocation: it stops (resumably) after the epoch that would
     *     take it past the budget
     */
    public Outcome execute(DetectorTrainingSettings settings, boolean resume, SampleSource train,
            SampleSource validation, SampleSource test, Polarity polarity, String name, String version,
            String description, Duration budget) throws Exception {
        return execute(settings, resume, false, train, validation, test, polarity, name, version, description, budget);
    }

    /**
     * As {@link #execute(DetectorTrainingSettings, boolean, SampleSource, SampleSource, SampleSource,
     * Polarity, String, String, String, Duration)}; with {@code exportOnly} the checkpoint's best
     * epoch is exported, scored and reported without training further.
     */
    public Outcome execute(DetectorTrainingSettings settings, boolean resume, boolean exportOnly, SampleSource train,
            SampleSource validation, SampleSource test, Polarity polarity, String name, String version,
            String description, Duration budget) throws Exception {
        long start = System.nanoTime();
        CheckpointStore store = new CheckpointStore(out);
        TrainingState state;
        MultiLayerNetwork net;
        if (resume || exportOnly) {
            if (!store.exists()) {
                throw new UsageException(out + ": no checkpoint to resume (expected " + out.resolve("checkpoint")
                        + "/state.json); run without --resume to start");
            }
            state = store.state();
            DetectorTrainingSettings saved = state.settings();
            boolean otherEpochsOnly = saved.withMaxEpochs(settings.maxEpochs()).equals(settings);
            if (exportOnly && otherEpochsOnly) {
                settings = saved;
            } else if (settings.maxEpochs() > saved.maxEpochs() && otherEpochsOnly) {
                System.err.printf("extending the run from %d to %d epochs: the learning rate stays at its floor"
                        + " (5 %% of the peak) after epoch %d%n", saved.maxEpochs(), settings.maxEpochs(), saved.maxEpochs());
                state = state.withSettings(settings);
            } else if (!saved.equals(settings)) {
                throw new UsageException(out + ": the checkpoint was made with other settings (" + saved
                        + "); resume with the same options (--epochs may be raised to extend the run), or start"
                        + " afresh in another --out folder");
            }
            net = store.last();
            System.err.printf("resuming %s after epoch %d (%.0f s trained so far)%n", out, state.epochsDone(),
                    state.trainingSeconds());
        } else {
            if (store.exists()) {
                throw new UsageException(out + " already holds a run; continue it with --resume, or choose another --out");
            }
            state = TrainingState.start(settings, train.classes(), initialFeatures != null && initialFeatures.keepsHead()
                    ? keptAnchors(initialFeatures, settings) : fitAnchors(settings, train, polarity));
            net = DetectorTrainer.newNetwork(state);
            if (initialFeatures != null) {
                long copied;
                try {
                    copied = initialFeatures.copyInto(net);
                } catch (IllegalArgumentException e) {
                    throw new UsageException(e.getMessage());
                }
                if (initialFeatures.keepsHead()) {
                    System.err.printf("continuing %s (%,d values copied, batch-norm statistics, output layer and anchors included)%n",
                            initialFeatures.source(), copied);
                } else {
                    System.err.printf("starting from the feature layers of %s (%,d values copied, batch-norm statistics included); the output layer"
                            + " learns this run's %d classes%n", initialFeatures.source(), copied, state.classes().size());
                }
            }
        }
        DetectorArchitecture arch = DetectorTrainer.architecture(state);
        System.err.printf("detector: %dx%d input, stages %s + %d context layers (a cell sees %d px), grid %dx%d,"
                + " %d anchors, %,d parameters, %,d multiply-adds%n",
                arch.inputWidth(), arch.inputHeight(), arch.widths(), arch.contextConvs(), arch.receptiveField(),
                arch.gridWidth(), arch.gridHeight(),
                arch.anchors().size(), arch.parameters(), arch.multiplyAdds());
        ModelManifest manifest = DetectorBundle.manifest(arch, state.classes(), polarity, name, version, description,
                Map.of());
        InputEncoder encoder = new InputEncoder(manifest.input(), framePolarity(polarity), state.classes());
        DetectorTrainer trainer = new DetectorTrainer(train, validation, encoder, store,
                new MapValidator(manifest, arch.stride()), listener);
        DetectorTrainer.Result result = exportOnly
                ? new DetectorTrainer.Result(state, "exported after epoch " + state.epochsDone() + " of "
                        + settings.maxEpochs() + " without training further", state.epochsDone() >= settings.maxEpochs())
                : trainer.train(net, state, budget);
        Path bundle = null;
        Path report = null;
        DetectionBundleEvaluator.Outcome scored = null;
        ThresholdChoice choice = null;
        if (result.state().bestEpoch() > 0) {
            DetectorEpoch best = result.state().history().get(result.state().bestEpoch() - 1);
            Map<String, Object> metrics = new LinkedHashMap<>();
            metrics.put("validation_map50", Math.round(best.validationMap() * 10000) / 10000.0);
            metrics.put("best_epoch", best.epoch());
            metrics.put("training_seconds", Math.round(result.state().trainingSeconds()));
            metrics.put("multiply_adds", arch.multiplyAdds());
            metrics.put("parameters", arch.parameters());
            bundle = out.resolve("detector.vbundle");
            DetectorBundle.write(store.best(), DetectorBundle.manifest(arch, state.classes(), polarity, name, version,
                    description, metrics), arch, bundle);
            choice = chooseThreshold(bundle, validation, settings.validationFrames());
            metrics.put("score_threshold", choice.manifestValue());
            metrics.put("score_threshold_chosen_by", "max F1 on " + settings.validationFrames() + " validation examples");
            metrics.put("validation_f1", round4(choice.f1()));
            metrics.put("validation_precision", round4(choice.precision()));
            metrics.put("validation_recall", round4(choice.recall()));
            DetectorBundle.write(store.best(), DetectorBundle.manifest(arch, state.classes(), polarity, name, version,
                    description, metrics, choice.manifestValue()), arch, bundle);
            if (test != null) {
                System.err.printf("scoring the bundle on %d test examples through ONNX Runtime%n", TEST_EXAMPLES);
                try (DetectionBundleEvaluator evaluator = new DetectionBundleEvaluator(ModelBundle.open(bundle), 0)) {
                    scored = evaluator.score(test, TEST_EXAMPLES, TEST_SEED);
                }
                metrics.put("test_map50", Math.round(scored.evaluation().meanAveragePrecision() * 10000) / 10000.0);
                metrics.put("test_examples", TEST_EXAMPLES);
                DetectorBundle.write(store.best(), DetectorBundle.manifest(arch, state.classes(), polarity, name,
                        version, description, metrics, choice.manifestValue()), arch, bundle);
            }
            report = out.resolve("report.html");
            DetectorRunReport.write(report, name, result.state(), arch, result.stopReason(), "test scenes", scored);
        }
        return new Outcome(result.state(), result.stopReason(), result.finished(), bundle, report,
                scored == null ? null : scored.evaluation(), (System.nanoTime() - start) / 1e9, choice);
    }

    /**
     * The bundle's best-F1 score threshold on {@code count} validation examples (seeds apart from the
     * ones training validated on), scored through ONNX Runtime as a device runs it.
     */
    private static ThresholdChoice chooseThreshold(Path bundle, SampleSource validation, int count) throws Exception {
        DetectionBundleEvaluator.Outcome scored;
        try (DetectionBundleEvaluator evaluator = new DetectionBundleEvaluator(ModelBundle.open(bundle), 0)) {
            scored = evaluator.score(validation.copy(), count, THRESHOLD_SEED);
        }
        ThresholdChoice choice = ThresholdChoice.maxF1(scored.evaluation(), DetectorBundle.SCORE_THRESHOLD);
        System.err.printf("score threshold %.3f chosen on %d validation examples (max F1 %.3f: precision %.3f,"
                + " recall %.3f)%n", choice.manifestValue(), count, choice.f1(), choice.precision(), choice.recall());
        return choice;
    }

    private static double round4(double v) {
        return Double.isFinite(v) ? Math.round(v * 10000) / 10000.0 : Double.NaN;
    }

    private static Polarity framePolarity(Polarity modelPolarity) {
        return modelPolarity == Polarity.NATURAL ? Polarity.NATURAL : Polarity.DARK_ON_LIGHT;
    }

    /** The anchors of the detector a run continues; their count must be the run's. */
    private static List<double[]> keptAnchors(PretrainedFeatures source, DetectorTrainingSettings s) {
        List<double[]> anchors;
        try {
            anchors = source.anchors();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (anchors.size() != s.anchorCount()) {
            throw new UsageException(source.source() + " has " + anchors.size() + " anchors, this run " + s.anchorCount()
                    + "; give --anchors " + anchors.size() + " or leave out --keep-head");
        }
        System.err.printf("anchors (grid cells): %s, kept from %s%n", describe(anchors), source.source());
        return anchors;
    }

    private static List<double[]> fitAnchors(DetectorTrainingSettings s, SampleSource train, Polarity polarity)
            throws IOException {
        DetectorArchitecture probe = new DetectorArchitecture(s.inputWidth(), s.inputHeight(), s.widths(),
                List.of(new double[] {1, 1}), train.classes().size());
        InputSpec input = DetectorBundle.manifest(probe, train.classes(), polarity, "probe", "0", "", Map.of()).input();
        InputEncoder encoder = new InputEncoder(input, framePolarity(polarity), train.classes());
        float[] scratch = new float[encoder.inputSize()];
        SampleSource source = train.copy();
        List<double[]> sizes = new ArrayList<>();
        for (int i = 0; i < ANCHOR_SAMPLES; i++) {
            LabelledFrame example = source.sample(DetectorBatches.seed(s.seed(), ANCHOR_STREAM, i, 0));
            for (InputEncoder.InputBox b : encoder.encode(example, scratch, 0)) {
                sizes.add(new double[] {(b.x2() - b.x1()) / probe.stride(), (b.y2() - b.y1()) / probe.stride()});
            }
        }
        if (sizes.size() < s.anchorCount()) {
            throw new UsageException("the training data holds only " + sizes.size() + " boxes in " + ANCHOR_SAMPLES
                    + " examples; label more objects");
        }
        List<double[]> anchors = new ArrayList<>();
        for (double[] a : AnchorFitter.fit(sizes, s.anchorCount(), s.seed())) {
            anchors.add(new double[] {Math.round(a[0] * 1e4) / 1e4, Math.round(a[1] * 1e4) / 1e4});
        }
        System.err.printf("anchors (grid cells): %s; mean best IoU with %d boxes %.3f%n", describe(anchors),
                sizes.size(), AnchorFitter.meanBestIou(sizes, anchors));
        return anchors;
    }

    private static String describe(List<double[]> anchors) {
        StringBuilder b = new StringBuilder();
        for (double[] a : anchors) {
            b.append(String.format("%s%.2fx%.2f", b.length() == 0 ? "" : " ", a[0], a[1]));
        }
        return b.toString();
    }
}
