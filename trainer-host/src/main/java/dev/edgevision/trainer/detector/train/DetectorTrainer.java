package dev.edgevision.trainer.detector.train;

import dev.edgevision.trainer.detector.net.DetectorArchitecture;
import dev.edgevision.trainer.detector.net.DetectorNetwork;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Trains a detector epoch by epoch on examples a {@link SampleSource} makes, validates on a fixed
 * set after every epoch, keeps the best weights by validation mAP, stops early when it stops
 * improving, and checkpoints every epoch so a stopped run resumes where it was.
 */
public final class DetectorTrainer {
    /** Learning-rate warm-up steps at the start of a run. */
    static final int WARMUP_STEPS = 200;
    private static final int VALIDATION_BATCH = 32;
    private static final long TRAIN_STREAM = 1;
    private static final long VALIDATION_STREAM = -1;

    /** Scores a network on the validation examples: mAP@0.5 over classes, in [0, 1]. */
    @FunctionalInterface
    public interface Validator {
        double meanAveragePrecision(MultiLayerNetwork net, List<DataSet> validation);
    }

    /** Hears about progress. */
    public interface Listener {
        default void stepDone(int epoch, int maxEpochs, int step, int steps, double loss) {
        }

        default void epochDone(DetectorEpoch epoch, boolean best) {
        }

        /** On resuming: the best epoch's weights scored {@code now} on this run's validation set, {@code saved} when trained. */
        default void bestRescored(int epoch, double saved, double now) {
        }
    }

    /** How the run ended: the state of the last epoch and why it stopped. */
    public record Result(TrainingState state, String stopReason, boolean finished) {
    }

    private final SampleSource source;
    private final SampleSource validationSource;
    private final InputEncoder encoder;
    private final CheckpointStore store;
    private final Validator validator;
    private final Listener listener;

    /**
     * @param source training examples
     * @param validationSource validation examples, made from data the training never sees
     */
    public DetectorTrainer(SampleSource source, SampleSource validationSource, InputEncoder encoder,
            CheckpointStore store, Validator validator, Listener listener) {
        this.source = source;
        this.validationSource = validationSource;
        this.encoder = encoder;
        this.store = store;
        this.validator = validator;
        this.listener = listener;
    }

    /** A fresh network for {@code state}'s settings and anchors. */
    public static MultiLayerNetwork newNetwork(TrainingState state) {
        DetectorTrainingSettings s = state.settings();
        int totalSteps = s.maxEpochs() * s.stepsPerEpoch();
        return DetectorNetwork.create(architecture(state), s.seed(),
                new WarmupDecaySchedule(s.learningRate(), WARMUP_STEPS, totalSteps), s.classLoss());
    }

    /** The architecture {@code state} describes. */
    public static DetectorArchitecture architecture(TrainingState state) {
        DetectorTrainingSettings s = state.settings();
        return new DetectorArchitecture(s.inputWidth(), s.inputHeight(), s.widths(), s.contextConvs(), state.anchors(),
                state.classes().size());
    }

    /**
     * Trains from {@code state} (fresh, or loaded from a checkpoint with {@code net}) until the
     * epochs run out, validation stops improving, or {@code budget} would be exceeded by another epoch.
     * A resumed run first scores its best checkpoint on the validation set it has now, so that a
     * resume with other scene options (which change the validation scenes too) compares later epochs
     * with the best one on the same scenes.
     */
    public Result train(MultiLayerNetwork net, TrainingState state, Duration budget) throws IOException {
        DetectorTrainingSettings s = state.settings();
        DetectorArchitecture arch = architecture(state);
        long start = System.nanoTime();
        List<DataSet> validation;
        try (DetectorBatches validationBatches = new DetectorBatches(validationSource, encoder, arch, s.batchSize())) {
            validation = validationSet(validationBatches, s);
        }
        double bar = state.bestMap();
        if (state.bestEpoch() > 0 && store.exists()) {
            bar = validator.meanAveragePrecision(store.best(), validation);
            listener.bestRescored(state.bestEpoch(), state.bestMap(), bar);
        }
        Nd4j.getRandom().setSeed(s.seed() + state.epochsDone());
        try (DetectorBatches batches = new DetectorBatches(source, encoder, arch, s.batchSize())) {
            while (state.epochsDone() < s.maxEpochs()) {
                int epoch = state.epochsDone() + 1;
                if (epoch - Math.max(state.bestEpoch(), 1) > s.patience() && state.bestEpoch() > 0) {
                    return new Result(state, "validation mAP has not improved for " + s.patience() + " epochs", true);
                }
                long epochStart = System.nanoTime();
                double trainLoss = runEpoch(net, batches, s, epoch);
                double validationLoss = validationLoss(net, validation);
                double map = validator.meanAveragePrecision(net, validation);
                double seconds = (System.nanoTime() - epochStart) / 1e9;
                boolean best = map > bar;
                bar = Math.max(bar, map);
                DetectorEpoch stats = new DetectorEpoch(epoch, trainLoss, validationLoss, map, seconds);
                state = state.after(stats, best);
                store.save(net, state, best);
                listener.epochDone(stats, best);
                double elapsed = (System.nanoTime() - start) / 1e9;
                if (state.epochsDone() < s.maxEpochs() && elapsed + seconds > budget.toSeconds()) {
                    return new Result(state, "the time budget of " + budget.toMinutes()
                            + " min would be exceeded by another epoch; resume with --resume", false);
                }
            }
            return new Result(state, "reached the maximum of " + s.maxEpochs() + " epochs", true);
        }
    }

    private double runEpoch(MultiLayerNetwork net, DetectorBatches batches, DetectorTrainingSettings s, int epoch) {
        double lossSum = 0;
        Future<DataSet> next = batches.prepare(seeds(s, TRAIN_STREAM, (long) (epoch - 1) * s.stepsPerEpoch()));
        for (int step = 0; step < s.stepsPerEpoch(); step++) {
            DataSet batch = await(next);
            if (step + 1 < s.stepsPerEpoch()) {
                next = batches.prepare(seeds(s, TRAIN_STREAM, (long) (epoch - 1) * s.stepsPerEpoch() + step + 1));
            }
            net.fit(batch);
            double loss = net.score();
            if (!Double.isFinite(loss)) {
                throw new IllegalStateException("the training loss became " + loss + " in epoch " + epoch + " step "
                        + (step + 1) + "; lower --learning-rate");
            }
            lossSum += loss;
            listener.stepDone(epoch, s.maxEpochs(), step + 1, s.stepsPerEpoch(), lossSum / (step + 1));
        }
        return lossSum / s.stepsPerEpoch();
    }

    static List<Long> seeds(DetectorTrainingSettings s, long stream, long batchIndex) {
        List<Long> seeds = new ArrayList<>(s.batchSize());
        for (int k = 0; k < s.batchSize(); k++) {
            seeds.add(DetectorBatches.seed(s.seed(), stream, batchIndex, k));
        }
        return seeds;
    }

    /** The fixed validation examples of a run, in batches. */
    public static List<DataSet> validationSet(DetectorBatches batches, DetectorTrainingSettings s) {
        List<DataSet> sets = new ArrayList<>();
        for (int first = 0; first < s.validationFrames(); first += VALIDATION_BATCH) {
            List<Long> seeds = new ArrayList<>();
            for (int k = first; k < Math.min(s.validationFrames(), first + VALIDATION_BATCH); k++) {
                seeds.add(DetectorBatches.seed(s.seed(), VALIDATION_STREAM, 0, k));
            }
            sets.add(batches.makeNow(seeds));
        }
        return sets;
    }

    private static double validationLoss(MultiLayerNetwork net, List<DataSet> validation) {
        double sum = 0;
        int count = 0;
        for (DataSet d : validation) {
            sum += net.score(d, false) * d.numExamples();
            count += d.numExamples();
        }
        return sum / count;
    }

    private static DataSet await(Future<DataSet> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while making a batch", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof java.io.IOException io) {
                throw new java.io.UncheckedIOException(io);
            }
            throw new IllegalStateException("making a training batch failed: " + cause.getMessage(), cause);
        }
    }
}
