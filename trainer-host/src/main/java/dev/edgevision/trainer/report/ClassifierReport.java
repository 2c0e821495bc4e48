package dev.edgevision.trainer.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The training report of a digit classifier: headline figures, loss and accuracy per epoch with
 * the best epoch marked, the per-epoch figures, the test confusion matrix, the most confident
 * mistakes as pictures, then settings and timings. The trainer only fills a
 * {@link ClassifierRunSummary}.
 */
public final class ClassifierReport {
    static final String TOTAL_TIMING = "total";
    private static final String TRAIN_COLOUR = "#1f77b4";
    private static final String VALIDATION_COLOUR = "#ff7f0e";

    private ClassifierReport() {
    }

    /** Writes the report for {@code run} to {@code target}, replacing it atomically. */
    public static void write(ClassifierRunSummary run, Path target) throws IOException {
        build(run).write(target);
    }

    /** The report for {@code run} as one HTML page. */
    public static String render(ClassifierRunSummary run) {
        return build(run).render();
    }

    /** The report for {@code run} as a builder, for callers that add sections of their own. */
    public static HtmlReport build(ClassifierRunSummary run) {
        Highlight best = bestEpochMarker(run);
        return new HtmlReport(run.title())
                .subtitle("Digit classifier training report · " + run.labels().size() + " classes · "
                        + Formats.count(run.testCount()) + " test digits")
                .summary(headline(run))
                .lineChart("Loss per epoch", "epoch", "loss", List.of(
                        series("train", run, EpochRecord::trainLoss, 1).withColour(TRAIN_COLOUR),
                        series("validation", run, EpochRecord::validationLoss, 1).withColour(VALIDATION_COLOUR)), best)
                .lineChart("Accuracy per epoch", "epoch", "accuracy (%)", List.of(
                        series("train", run, EpochRecord::trainAccuracy, 100).withColour(TRAIN_COLOUR),
                        series("validation", run, EpochRecord::validationAccuracy, 100).withColour(VALIDATION_COLOUR)), best)
                .confusionMatrix("Confusion matrix on the test set (rows: true digit, columns: predicted)",
                        run.labels(), run.testConfusion())
                .imageGallery("Most confident mistakes", mistakes(run))
                .table("Epochs", List.of("epoch", "train loss", "train accuracy", "validation loss",
                        "validation accuracy", "time", ""), epochRows(run))
                .keyValues("Settings", run.settings())
                .keyValues("Timings", run.timings());
    }

    static Map<String, String> headline(ClassifierRunSummary run) {
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("test accuracy", Formats.percent(run.testAccuracy(), 2));
        figures.put("test digits", Formats.count(run.testCount()));
        figures.put("epochs run", Integer.toString(run.epochs().size()));
        figures.put("best epoch", hasEpoch(run, run.bestEpoch()) ? Integer.toString(run.bestEpoch()) : "–");
        String total = run.timings().get(TOTAL_TIMING);
        if (total != null) {
            figures.put("total time", total);
        } else {
            figures.put("training time", Formats.duration(run.epochs().stream().mapToDouble(EpochRecord::seconds).sum()));
        }
        return figures;
    }

    /** The caption of a mistake, e.g. "true 4 → predicted 9 (0.93)". */
    static String caption(Misclassified m) {
        return "true " + m.trueLabel() + " → predicted " + m.predictedLabel() + " (" + Formats.fixed(m.confidence(), 2) + ")";
    }

    private static Highlight bestEpochMarker(ClassifierRunSummary run) {
        return hasEpoch(run, run.bestEpoch()) ? new Highlight(run.bestEpoch(), "best epoch " + run.bestEpoch()) : null;
    }

    private static boolean hasEpoch(ClassifierRunSummary run, int epoch) {
        return run.epochs().stream().anyMatch(e -> e.epoch() == epoch);
    }

    private static Series series(String name, ClassifierRunSummary run, ToDoubleFunction<EpochRecord> value, double scale) {
        List<Double> x = run.epochs().stream().map(e -> (double) e.epoch()).toList();
        List<Double> y = run.epochs().stream().map(e -> value.applyAsDouble(e) * scale).toList();
        return new Series(name, x, y);
    }

    private static List<GalleryImage> mistakes(ClassifierRunSummary run) {
        return run.worstMisclassified().stream()
                .sorted(Comparator.comparingDouble(Misclassified::confidence).reversed())
                .map(m -> GalleryImage.ofGray(m.pixels(), m.width(), m.height(), caption(m)))
                .toList();
    }

    private static List<List<String>> epochRows(ClassifierRunSummary run) {
        List<List<String>> rows = new ArrayList<>();
        for (EpochRecord e : run.epochs()) {
            rows.add(List.of(Integer.toString(e.epoch()), Formats.fixed(e.trainLoss(), 4),
                    Formats.percent(e.trainAccuracy(), 2), Formats.fixed(e.validationLoss(), 4),
                    Formats.percent(e.validationAccuracy(), 2), Formats.fixed(e.seconds(), 1) + " s",
                    e.epoch() == run.bestEpoch() ? "← best" : ""));
        }
        return rows;
    }
}
