package dev.edgevision.trainer.run;

import dev.edgevision.core.io.AtomicFile;
import dev.edgevision.core.model.ModelBundle;
import dev.edgevision.trainer.bundle.DigitClassifierBundle;
import dev.edgevision.trainer.classifier.ClassifierTrainer;
import dev.edgevision.trainer.classifier.DigitLabels;
import dev.edgevision.trainer.classifier.RejectMarks;
import dev.edgevision.trainer.classifier.TrainingListener;
import dev.edgevision.trainer.classifier.TrainingSettings;
import dev.edgevision.core.idx.DigitSet;
import dev.edgevision.trainer.eval.BundleEvaluator;
import dev.edgevision.trainer.eval.ClassificationScore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.deeplearning4j.util.ModelSerializer;

/**
 * One training run of the digit classifier, from IDX digits to the files a person and a device
 * want: split, train, keep a checkpoint, score once on the untouched test split, export the
 * bundle, check that the bundle (ONNX Runtime) agrees with the trained network (DL4J), and write
 * the report.
 */
public final class ClassifierRun {
    /** Largest difference in any class probability allowed between DL4J and the exported bundle. */
    public static final double PARITY_TOLERANCE = 1e-4;

    private final TrainingSettings settings;
    private final Path out;
    private final Path bundlePath;
    private final String name;
    private final String version;
    private final String dataset;
    private final int rejectMarks;

    /**
     * @param dataset the data's name as the bundle's metrics record it (the IDX folder's name)
     */
    public ClassifierRun(TrainingSettings settings, Path out, Path bundlePath, String name, String version,
            String dataset) {
        this(settings, out, bundlePath, name, version, dataset, 0);
    }

    /**
     * @param rejectMarks how many marks that are not digits ({@link RejectMarks}) to add as an 11th
     *     class, {@link DigitLabels#REJECT}, of which the validation fraction is held out; 0 for a
     *     ten-class classifier
     */
    public ClassifierRun(TrainingSettings settings, Path out, Path bundlePath, String name, String version,
            String dataset, int rejectMarks) {
        this.dataset = dataset;
        this.rejectMarks = rejectMarks;
        this.settings = settings;
        this.out = out;
        this.bundlePath = bundlePath;
        this.name = name;
        this.version = version;
    }

    /**
     * What the run produced.
     *
     * @param scoredOn "test" or, when the data has no test split, "validation"
     */
    public record Outcome(double testAccuracy, int testCount, String scoredOn, int bestEpoch, double seconds,
            double maxProbabilityDifference, Path bundle, Path checkpoint, Path report) {
    }

    /** Trains on {@code all} (minus a validation split) and scores on {@code test}, which may be null. */
    public Outcome execute(DigitSet all, DigitSet test, TrainingListener listener) throws Exception {
        long start = System.nanoTime();
        Files.createDirectories(out);
        DigitSet[] split = split(all);
        DigitSet train = split[0];
        DigitSet validation = split[1];
        List<String> labels = DigitLabels.LABELS;
        double rejectedMarks = Double.NaN;
        DigitSet validationMarks = null;
        if (rejectMarks > 0) {
            labels = DigitLabels.WITH_REJECT;
            long marksStart = System.nanoTime();
            DigitSet marks = new RejectMarks(train).make(rejectMarks, settings.seed(), made -> { });
            DigitSet[] markSplit = split(marks);
            train = DigitSet.concat(List.of(train, markSplit[0]));
            validationMarks = markSplit[1];
            validation = DigitSet.concat(List.of(validation, validationMarks));
            listener.note(String.format("%d marks that are not digits cut from generated pages in %.1f s (%d held"
                    + " out for validation)", rejectMarks, (System.nanoTime() - marksStart) / 1e9, validationMarks.size()));
        }
        ClassifierTrainer.Result result = new ClassifierTrainer(settings, listener).train(train, validation, labels);
        Path checkpoint = out.resolve("checkpoint.zip");
        saveCheckpoint(result, checkpoint);

        DigitSet scored = test != null ? test : validation;
        String scoredOn = test != null ? "test" : "validation";
        long evalStart = System.nanoTime();
        float[] dl4j = ClassifierTrainer.predict(result.network(), scored);
        ClassificationScore score = ClassificationScore.of(dl4j, truth(scored), labels);
        double evalSeconds = (System.nanoTime() - evalStart) / 1e9;
        if (validationMarks != null) {
            rejectedMarks = ClassificationScore.of(ClassifierTrainer.predict(result.network(), validationMarks),
                    truth(validationMarks), labels).accuracy();
        }

        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put(scoredOn + "_accuracy", score.accuracy());
        metrics.put(scoredOn + "_count", score.count());
        metrics.put("validation_accuracy", result.history().get(result.bestEpoch() - 1).validationAccuracy());
        metrics.put("epochs", result.history().size());
        metrics.put("dataset", dataset);
        if (rejectMarks > 0) {
            metrics.put("reject_marks", rejectMarks);
            metrics.put("validation_marks_rejected", rejectedMarks);
        }
        long exportStart = System.nanoTime();
        DigitClassifierBundle.write(result.network(), name, version, metrics, labels, scored, bundlePath);
        double parity = checkBundle(bundlePath, scored, dl4j);
        double exportSeconds = (System.nanoTime() - exportStart) / 1e9;

        Map<String, String> timings = new LinkedHashMap<>();
        timings.put("training", seconds(result.seconds()));
        timings.put("per epoch (mean)", seconds(result.seconds() / result.history().size()));
        timings.put("evaluation on " + scored.size() + " digits (DL4J)", seconds(evalSeconds));
        timings.put("ONNX export, bundle and parity check", seconds(exportSeconds));
        Path report = out.resolve("report.html");
        RunReport.write(report, name, settings, all, train, validation, scored, scoredOn, result, score, parity,
                timings, (System.nanoTime() - start) / 1e9);
        return new Outcome(score.accuracy(), score.count(), scoredOn, result.bestEpoch(),
                (System.nanoTime() - start) / 1e9, parity, bundlePath, checkpoint, report);
    }

    /** Seeded split of {@code all} into training and validation parts. */
    DigitSet[] split(DigitSet all) {
        int[] order = IntStream.range(0, all.size()).toArray();
        SplittableRandom random = new SplittableRandom(settings.seed() ^ 0x5EED5EEDL);
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int validationSize = Math.max(1, (int) Math.round(all.size() * settings.validationFraction()));
        return new DigitSet[] {
            all.subset(java.util.Arrays.copyOfRange(order, validationSize, order.length), "training split"),
            all.subset(java.util.Arrays.copyOfRange(order, 0, validationSize), "validation split")};
    }

    private static void saveCheckpoint(ClassifierTrainer.Result result, Path checkpoint) throws IOException {
        AtomicFile.write(checkpoint, temp -> ModelSerializer.writeModel(result.network(), temp.toFile(), false));
    }

    /** Opens the written bundle, runs it through ONNX Runtime and returns the largest probability difference. */
    private static double checkBundle(Path bundlePath, DigitSet scored, float[] dl4j) throws Exception {
        float[] ort;
        try (BundleEvaluator evaluator = new BundleEvaluator(ModelBundle.open(bundlePath), 0)) {
            ort = evaluator.probabilities(scored);
        }
        double max = 0;
        for (int i = 0; i < ort.length; i++) {
            max = Math.max(max, Math.abs(ort[i] - dl4j[i]));
        }
        if (max > PARITY_TOLERANCE) {
            throw new IllegalStateException(bundlePath + ": the exported model differs from the trained network by "
                    + max + " in a class probability (tolerance " + PARITY_TOLERANCE + "); this is an exporter bug");
        }
        return max;
    }

    static int[] truth(DigitSet set) {
        return IntStream.range(0, set.size()).map(set::label).toArray();
    }

    static String seconds(double s) {
        return s >= 90 ? String.format("%d min %02d s", (long) s / 60, Math.round(s) % 60) : String.format("%.1f s", s);
    }
}
