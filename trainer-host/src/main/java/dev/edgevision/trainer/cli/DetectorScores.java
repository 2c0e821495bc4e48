package dev.edgevision.trainer.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.edgevision.core.model.ModelBundle;
import dev.edgevision.trainer.detector.eval.ClassEvaluation;
import dev.edgevision.trainer.detector.eval.ConfusionTable;
import dev.edgevision.trainer.report.EvaluationMarkdown;
import dev.edgevision.trainer.detector.eval.DetectionEvaluation;
import dev.edgevision.trainer.detector.labels.LabelledDataset;
import dev.edgevision.trainer.eval.DetectionBundleEvaluator;
import dev.edgevision.trainer.report.DetectorReportSections;
import dev.edgevision.core.io.AtomicFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** A detector bundle's scores on a labelled folder as the JSON line {@code trainer evaluate} prints. */
final class DetectorScores {
    private DetectorScores() {
    }

    static String json(ModelBundle bundle, LabelledDataset data, int threads, double iou, Path report)
            throws Exception {
        System.err.printf("scoring %s on %d labelled images from %s%n", bundle.path(), data.images().size(),
                data.folder());
        DetectionBundleEvaluator.Outcome outcome;
        try (DetectionBundleEvaluator evaluator = new DetectionBundleEvaluator(bundle, threads, iou)) {
            outcome = evaluator.score(data);
        }
        DetectionEvaluation e = outcome.evaluation();
        String title = bundle.manifest().name() + " on " + data.folder().getFileName();
        if (report != null && report.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".md")) {
            AtomicFile.write(report, EvaluationMarkdown.render(title, bundle, data.folder().toString(), outcome)
                    .getBytes(StandardCharsets.UTF_8));
        } else if (report != null) {
            AtomicFile.write(report, DetectorReportSections.render(bundle.manifest().name() + " on "
                    + data.folder().getFileName(), data.folder().getFileName().toString(), e, outcome.examples())
                    .getBytes(StandardCharsets.UTF_8));
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put(iou == 0.5 ? "map50" : "map" + Math.round(iou * 100), round(e.meanAveragePrecision()));
        line.put("images", e.images());
        line.put("empty_images", e.emptyImages());
        line.put("false_per_empty_frame", round(e.falseDetectionsPerEmptyFrame()));
        line.put("score_threshold", e.scoreThreshold());
        line.put("precision", round(e.precision()));
        line.put("recall", round(e.recall()));
        line.put("published_" + (iou == 0.5 ? "map50" : "map" + Math.round(iou * 100)),
                round(outcome.published().meanAveragePrecision()));
        ConfusionTable confusion = outcome.confusion();
        line.put("false_on_marks", confusion.falseByKind());
        line.put("marks", confusion.marksByKind());
        Map<String, Object> table = new LinkedHashMap<>();
        for (int r = 0; r < confusion.rows().size(); r++) {
            Map<String, Integer> row = new LinkedHashMap<>();
            for (int c = 0; c < confusion.columns().size(); c++) {
                if (confusion.counts()[r][c] > 0) {
                    row.put(confusion.columns().get(c), confusion.counts()[r][c]);
                }
            }
            table.put(confusion.rows().get(r), row);
        }
        line.put("confusion", table);
        Map<String, Object> perClass = new LinkedHashMap<>();
        for (ClassEvaluation c : e.classes()) {
            if (c.present()) {
                Map<String, Object> figures = new LinkedHashMap<>();
                figures.put("ap", round(c.averagePrecision()));
                figures.put("truths", c.truths());
                figures.put("precision", round(c.precision()));
                figures.put("recall", round(c.recall()));
                perClass.put(c.label(), figures);
            }
        }
        line.put("per_class", perClass);
        line.put("ms_per_image", round(outcome.meanMillis()));
        line.put("model", Map.of("name", bundle.manifest().name(), "version", bundle.manifest().version(),
                "sha256", bundle.sha256()));
        line.put("data", data.folder().toString());
        return new ObjectMapper().writeValueAsString(line);
    }

    static Object round(double v) {
        return Double.isFinite(v) ? Math.round(v * 1e4) / 1e4 : null;
    }
}
