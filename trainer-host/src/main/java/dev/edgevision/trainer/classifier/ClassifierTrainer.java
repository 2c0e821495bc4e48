package dev.edgevision.trainer.classifier;

import dev.edgevision.trainer.data.DigitAugmenter;
import dev.edgevision.core.idx.DigitSet;
import dev.edgevision.trainer.eval.ClassificationScore;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.ScheduleType;

/**
 * Trains the digit classifier with augmentation and early stopping on a validation split, and
 * keeps the weights of the best validation epoch.
 */
public final class ClassifierTrainer {
    private static final int TRAIN_ACCURACY_SAMPLE = 2000;
    private static final int EVAL_BATCH = 500;

    private final TrainingSettings settings;
    private final TrainingListener listener;

    public ClassifierTrainer(TrainingSettings settings, TrainingListener listener) {
        this.settings = settings;
        this.listener = listener;
    }

    /** The outcome: the network with its best weights, and the history that led there. */
    public record Result(MultiLayerNetwork network, List<EpochStats> history, int bestEpoch, String stopReason,
            double seconds) {
    }

    /** Trains on {@code train}, choosing the epoch by {@code validation}. */
    public Result train(DigitSet train, DigitSet validation) {
        return train(train, validation, DigitLabels.LABELS);
    }

    /**
     * Trains on {@code train}, choosing the epoch by {@code validation}, with one output per label
     * ({@link DigitLabels#WITH_REJECT} for a classifier that also learns marks that are not digits).
     */
    public Result train(DigitSet train, DigitSet validation, List<String> labels) {
        int classes = labels.size();
        long start = System.nanoTime();
        Nd4j.getRandom().setSeed(settings.seed());
        int stepsPerEpoch = (train.size() + settings.batchSize() - 1) / settings.batchSize();
        double decayPerStep = Math.pow(settings.learningRateDecay(), 1.0 / stepsPerEpoch);
        MultiLayerNetwork net = DigitClassifierNetwork.create(settings.seed(), settings.width(), settings.shape(),
                new ExponentialSchedule(ScheduleType.ITERATION, settings.learningRate(), decayPerStep), classes);
        DigitBatches trainBatches = new DigitBatches(train, classes);
        DigitBatches validationBatches = new DigitBatches(validation, classes);
        DigitSet trainSample = train.subset(IntStream.range(0, Math.min(train.size(), TRAIN_ACCURACY_SAMPLE))
                .toArray(), "training sample");
        DigitBatches sampleBatches = new DigitBatches(trainSample, classes);
        DigitAugmenter augmenter = new DigitAugmenter(settings.augmentation(), train.rows(), train.cols());
        SplittableRandom random = new SplittableRandom(settings.seed());

        List<EpochStats> history = new ArrayList<>();
        INDArray bestParams = null;
        int bestEpoch = 0;
        String stopReason = "reached the maximum of " + settings.maxEpochs() + " epochs";
        for (int epoch = 1; epoch <= settings.maxEpochs(); epoch++) {
            long epochStart = System.nanoTime();
            double trainLoss = runEpoch(net, trainBatches, augmenter, random, epoch, train.size());
            ClassificationScore sample = score(net, sampleBatches, trainSample, labels);
            ClassificationScore valid = score(net, validationBatches, validation, labels);
            EpochStats stats = new EpochStats(epoch, trainLoss, sample.accuracy(), valid.meanLoss(),
                    valid.accuracy(), (System.nanoTime() - epochStart) / 1e9);
            boolean best = bestParams == null || isBetter(stats, history.get(bestEpoch - 1));
            history.add(stats);
            if (best) {
                bestParams = net.params().dup();
                bestEpoch = epoch;
            }
            listener.epochDone(stats, best);
            if (epoch - bestEpoch >= settings.patience()) {
                stopReason = "early stop: no better validation result for " + settings.patience() + " epochs";
                break;
            }
            if (settings.maxMinutes() > 0 && (System.nanoTime() - start) / 60e9 >= settings.maxMinutes()) {
                stopReason = "time limit of " + settings.maxMinutes() + " min reached";
                break;
            }
        }
        net.setParams(bestParams);
        listener.stopped(stopReason + "; keeping epoch " + bestEpoch);
        return new Result(net, history, bestEpoch, stopReason, (System.nanoTime() - start) / 1e9);
    }

    /**
     * Chooses by validation loss: on a few hundred digits accuracy moves in steps of one digit and
     * picking its maximum over epochs flatters the model; the loss is smoother.
     */
    private static boolean isBetter(EpochStats candidate, EpochStats best) {
        return candidate.validationLoss() < best.validationLoss();
    }

    private double runEpoch(MultiLayerNetwork net, DigitBatches batches, DigitAugmenter augmenter,
            SplittableRandom random, int epoch, int size) {
        int[] order = shuffled(size, random);
        double lossSum = 0;
        for (int from = 0; from < size; from += settings.batchSize()) {
            int to = Math.min(size, from + settings.batchSize());
            net.fit(batches.augmented(order, from, to, augmenter, random));
            lossSum += net.score() * (to - from);
            listener.batchDone(epoch, settings.maxEpochs(), to, size, net.score());
        }
        return lossSum / size;
    }

    private static int[] shuffled(int size, SplittableRandom random) {
        int[] order = IntStream.range(0, size).toArray();
        for (int i = size - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /** Class probabilities of the network for every item of {@code set}, flattened (one row per item, one value per output). */
    public static float[] predict(MultiLayerNetwork net, DigitSet set) {
        int classes = DigitClassifierNetwork.classesOf(net);
        return predict(net, new DigitBatches(set, classes), set.size(), classes);
    }

    private static float[] predict(MultiLayerNetwork net, DigitBatches batches, int size, int classes) {
        float[] probabilities = new float[size * classes];
        for (int from = 0; from < size; from += EVAL_BATCH) {
            int to = Math.min(size, from + EVAL_BATCH);
            float[] out = net.output(batches.plain(from, to), false).data().asFloat();
            System.arraycopy(out, 0, probabilities, from * classes, out.length);
        }
        return probabilities;
    }

    private static ClassificationScore score(MultiLayerNetwork net, DigitBatches batches, DigitSet set,
            List<String> labels) {
        int[] truth = IntStream.range(0, set.size()).map(set::label).toArray();
        return ClassificationScore.of(predict(net, batches, set.size(), labels.size()), truth, labels);
    }
}
