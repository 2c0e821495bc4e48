package dev.edgevision.trainer.detector.run;

import dev.edgevision.trainer.detector.net.DetectorArchitecture;
import dev.edgevision.trainer.detector.train.DetectorEpoch;
import dev.edgevision.trainer.detector.train.TrainingState;
import dev.edgevision.trainer.eval.DetectionBundleEvaluator;
import dev.edgevision.trainer.report.DetectorReportSections;
import dev.edgevision.trainer.report.Highlight;
import dev.edgevision.trainer.report.HtmlReport;
import dev.edgevision.trainer.report.Series;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The detector run's {@code report.html}: headline figures, loss and validation-mAP curves per
 * epoch with the best epoch marked, settings and anchors, and (when a test set was scored) the
 * average precision per class, precision/recall curves and example frames with true and predicted
 * boxes.
 */
final class DetectorRunReport {
    private DetectorRunReport() {
    }

    static void write(Path target, String name, TrainingState state, DetectorArchitecture arch, String stopReason,
            String testName, DetectionBundleEvaluator.Outcome test) throws IOException {
        Map<String, String> headline = new LinkedHashMap<>();
        DetectorEpoch best = state.bestEpoch() == 0 ? null : state.history().get(state.bestEpoch() - 1);
        headline.put("validation mAP@0.5", best == null ? "-" : String.format("%.3f", best.validationMap()));
        if (test != null) {
            headline.put("test mAP@0.5", String.format("%.3f", test.evaluation().meanAveragePrecision()));
        }
        headline.put("best epoch", best == null ? "-" : best.epoch() + " of " + state.epochsDone());
        headline.put("training time", String.format("%d min %02d s", (long) state.trainingSeconds() / 60,
                (long) state.trainingSeconds() % 60));
        headline.put("parameters", String.format("%,d", arch.parameters()));
        headline.put("multiply-adds per frame", String.format("%,d", arch.multiplyAdds()));
        Highlight marker = best == null ? null : new Highlight(best.epoch(), "best epoch " + best.epoch());
        HtmlReport report = new HtmlReport("Detector training: " + name)
                .subtitle("stopped: " + stopReason)
                .summary(headline)
                .lineChart("YOLOv2 loss per epoch", "epoch", "loss", List.of(
                        series("training", state.history(), DetectorEpoch::trainLoss),
                        series("validation", state.history(), DetectorEpoch::validationLoss)), marker)
                .lineChart("Validation mAP@0.5 per epoch", "epoch", "mAP@0.5", List.of(
                        series("validation", state.history(), DetectorEpoch::validationMap)), marker);
        Map<String, String> settings = new LinkedHashMap<>(state.settings().describe());
        StringBuilder anchors = new StringBuilder();
        for (double[] a : state.anchors()) {
            anchors.append(anchors.length() == 0 ? "" : ", ").append(String.format("%.2fx%.2f", a[0], a[1]));
        }
        settings.put("anchors (grid cells)", anchors.toString());
        settings.put("grid", arch.gridWidth() + "x" + arch.gridHeight() + " cells of " + arch.stride() + " px");
        settings.put("classes", String.join(", ", state.classes()));
        report.keyValues("Settings", settings);
        if (test != null) {
            DetectorReportSections.addTo(report, testName, test.evaluation(), test.examples());
        }
        report.write(target);
    }

    private static Series series(String name, List<DetectorEpoch> history, ToDoubleFunction<DetectorEpoch> value) {
        double[] x = new double[history.size()];
        double[] y = new double[history.size()];
        for (int i = 0; i < history.size(); i++) {
            x[i] = history.get(i).epoch();
            y[i] = value.applyAsDouble(history.get(i));
        }
        return Series.of(name, x, y);
    }
}
