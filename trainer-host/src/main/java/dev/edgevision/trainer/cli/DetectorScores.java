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
import dev.edgevision.trainer.detector.eval.IllPosedMarks;
import dev.edgevision.trainer.eval.IllPosedScores;
import dev.edgevision.trainer.report.ContactSheet;
import dev.edgevision.trainer.report.GalleryImage;
import dev.edgevision.trainer.report.HtmlReport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.imageio.ImageIO;

/** A detector bundle's scores on a labelled folder as the JSON line {@code trainer evaluate} prints. */
final class DetectorScores {
    private static final int SHEET_COLUMNS = 8;

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
        IllPosedScores ill = outcome.illPosed();
        List<List<GalleryImage>> sheetRows = sheetRows(ill);
        if (report != null && report.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".md")) {
            List<List<GalleryImage>> errorRows = new ArrayList<>(rows(outcome.errors().missed()));
            errorRows.addAll(rows(outcome.errors().wrong()));
            String sheet = writeSheet(report, "-ill-posed.png", sheetRows);
            String errors = writeSheet(report, "-errors.png", errorRows);
            AtomicFile.write(report, EvaluationMarkdown.render(title, bundle, data.folder().toString(), outcome, sheet,
                    errors).getBytes(StandardCharsets.UTF_8));
        } else if (report != null) {
            String set = data.folder().getFileName().toString();
            HtmlReport html = DetectorReportSections.addTo(new HtmlReport(title), set, e, outcome.examples());
            double t = e.scoreThreshold();
            if (!outcome.errors().missed().isEmpty()) {
                html.imageGallery(String.format(Locale.ROOT, "Missed at %.2f on %s (some)", t, set),
                        outcome.errors().missed());
            }
            if (!outcome.errors().wrong().isEmpty()) {
                html.imageGallery(String.format(Locale.ROOT, "Wrong detections at %.2f on %s (some)", t, set),
                        outcome.errors().wrong());
            }
            if (!sheetRows.isEmpty()) {
                html.imageGallery("Ill-posed marks on " + set + ": letters read as the digit they resemble (left"
                        + " out of the lenient scores), then true digits of those classes",
                        sheetRows.stream().flatMap(List::stream).toList());
            }
            AtomicFile.write(report, html.render().getBytes(StandardCharsets.UTF_8));
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put(mapKey(iou), round(e.meanAveragePrecision()));
        line.put("images", e.images());
        line.put("empty_images", e.emptyImages());
        line.put("false_per_empty_frame", round(e.falseDetectionsPerEmptyFrame()));
        line.put("score_threshold", e.scoreThreshold());
        line.put("precision", round(e.precision()));
        line.put("recall", round(e.recall()));
        line.put("published_" + mapKey(iou), round(outcome.published().meanAveragePrecision()));
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
        if (ill.marks() > 0) {
            Map<String, Object> lenient = new LinkedHashMap<>();
            lenient.put("readings_left_out", new TreeMap<>(IllPosedMarks.READINGS));
            lenient.put("marks", ill.marks());
            lenient.put("left_out", ill.readings());
            lenient.put(mapKey(iou), round(ill.evaluation().meanAveragePrecision()));
            lenient.put("published_" + mapKey(iou), round(ill.published().meanAveragePrecision()));
            lenient.put("precision", round(ill.evaluation().precision()));
            lenient.put("recall", round(ill.evaluation().recall()));
            lenient.put("false_per_empty_frame", round(ill.evaluation().falseDetectionsPerEmptyFrame()));
            line.put("ill_posed", lenient);
        }
        line.put("ms_per_image", round(outcome.meanMillis()));
        line.put("model", Map.of("name", bundle.manifest().name(), "version", bundle.manifest().version(),
                "sha256", bundle.sha256()));
        line.put("data", data.folder().toString());
        return new ObjectMapper().writeValueAsString(line);
    }

    /** Rows of the ill-posed picture: the readings eight to a row, then the true digits; none when nothing was read. */
    private static List<List<GalleryImage>> sheetRows(IllPosedScores ill) {
        List<List<GalleryImage>> rows = new ArrayList<>();
        if (ill.readingCrops().isEmpty()) {
            return rows;
        }
        rows.addAll(rows(ill.readingCrops()));
        if (!ill.digitCrops().isEmpty()) {
            rows.add(ill.digitCrops().subList(0, Math.min(ill.digitCrops().size(), SHEET_COLUMNS)));
        }
        return rows;
    }

    /** {@code pictures} eight to a row. */
    private static List<List<GalleryImage>> rows(List<GalleryImage> pictures) {
        List<List<GalleryImage>> rows = new ArrayList<>();
        for (int i = 0; i < pictures.size(); i += SHEET_COLUMNS) {
            rows.add(pictures.subList(i, Math.min(pictures.size(), i + SHEET_COLUMNS)));
        }
        return rows;
    }

    /** Writes {@code rows} as a PNG beside {@code report} (its stem plus {@code suffix}); its name, or null when there is nothing to draw. */
    private static String writeSheet(Path report, String suffix, List<List<GalleryImage>> rows) throws IOException {
        if (rows.isEmpty()) {
            return null;
        }
        String stem = report.getFileName().toString();
        String name = stem.substring(0, stem.length() - 3) + suffix;
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(ContactSheet.render(rows), "png", png);
        AtomicFile.write(report.resolveSibling(name), png.toByteArray());
        return name;
    }

    private static String mapKey(double iou) {
        return iou == 0.5 ? "map50" : "map" + Math.round(iou * 100);
    }

    static Object round(double v) {
        return Double.isFinite(v) ? Math.round(v * 1e4) / 1e4 : null;
    }
}
