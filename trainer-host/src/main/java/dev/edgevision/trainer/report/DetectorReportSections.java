package dev.edgevision.trainer.report;

import dev.edgevision.trainer.detector.eval.ClassEvaluation;
import dev.edgevision.trainer.detector.eval.DetectionEvaluation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The detector's part of a training report: headline figures (mAP@0.5, false detections per
 * empty frame, precision and recall at the score threshold), a table of AP and counts per class,
 * the precision/recall curve overall and of each class, and example frames with true boxes (green)
 * and detections (magenta, with label and score). Added to an {@link HtmlReport}, so it sits in
 * the same page as the rest of the run's report.
 */
public final class DetectorReportSections {
    private static final String OVERALL_COLOUR = "#7f7f7f";
    private static final String CLASS_COLOUR = "#1f77b4";

    private DetectorReportSections() {
    }

    /** Appends the sections for {@code evaluation} on the set named {@code setName} to {@code report}. */
    public static HtmlReport addTo(HtmlReport report, String setName, DetectionEvaluation evaluation,
            List<ExampleFrame> examples) {
        String on = setName == null || setName.isBlank() ? "" : " on " + setName;
        report.summary(headline(evaluation))
                .table("Average precision per class" + on + " (IoU " + Formats.significant(evaluation.iouThreshold(), 2)
                        + "; counts at score ≥ " + Formats.significant(evaluation.scoreThreshold(), 2) + ")",
                        List.of("class", "true boxes", "detections", "AP", "precision", "recall", "true", "false", "missed"),
                        rows(evaluation))
                .lineChart("Precision / recall" + on + ", mean over classes (area = mAP "
                        + Formats.fixed(evaluation.meanAveragePrecision(), 3) + ")", "recall", "precision",
                        List.of(curve("mean over classes", evaluation.meanInterpolated()).withColour(OVERALL_COLOUR)));
        for (ClassEvaluation c : evaluation.classes()) {
            if (c.present()) {
                report.lineChart("Precision / recall of class " + c.label() + on + " (AP " + Formats.fixed(c.averagePrecision(), 3) + ")",
                        "recall", "precision", List.of(curve("class " + c.label(), c.interpolated()).withColour(CLASS_COLOUR),
                                curve("mean over classes", evaluation.meanInterpolated()).withColour(OVERALL_COLOUR)));
            }
        }
        return report.imageGallery("Example frames" + on + ": true boxes green, detections magenta", gallery(examples));
    }

    static Map<String, String> headline(DetectionEvaluation e) {
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("mAP@" + Formats.significant(e.iouThreshold(), 2), Formats.fixed(e.meanAveragePrecision(), 3));
        figures.put("false detections per empty frame", Formats.fixed(e.falseDetectionsPerEmptyFrame(), 3));
        figures.put("precision", Formats.percent(e.precision(), 1));
        figures.put("recall", Formats.percent(e.recall(), 1));
        figures.put("frames", Formats.count(e.images()) + " (" + Formats.count(e.emptyImages()) + " empty)");
        return figures;
    }

    private static List<List<String>> rows(DetectionEvaluation e) {
        List<List<String>> rows = new ArrayList<>();
        for (ClassEvaluation c : e.classes()) {
            rows.add(List.of(c.label(), Formats.count(c.truths()), Formats.count(c.detections()),
                    Formats.fixed(c.averagePrecision(), 3), Formats.percent(c.precision(), 1), Formats.percent(c.recall(), 1),
                    Formats.count(c.truePositives()), Formats.count(c.falsePositives()), Formats.count(c.misses())));
        }
        int detections = e.classes().stream().mapToInt(ClassEvaluation::detections).sum();
        rows.add(List.of("all (mean AP)", Formats.count(e.truths()), Formats.count(detections),
                Formats.fixed(e.meanAveragePrecision(), 3), Formats.percent(e.precision(), 1), Formats.percent(e.recall(), 1),
                Formats.count(e.truePositives()), Formats.count(e.falsePositives()), Formats.count(e.misses())));
        return rows;
    }

    private static Series curve(String name, double[] precision) {
        double[] recall = new double[precision.length];
        for (int i = 0; i < recall.length; i++) {
            recall[i] = recall.length == 1 ? 0 : i / (double) (recall.length - 1);
        }
        return Series.of(name, recall, precision);
    }

    private static List<GalleryImage> gallery(List<ExampleFrame> examples) {
        return examples.stream().map(e -> new GalleryImage(BoxOverlay.draw(e), e.caption())).toList();
    }
}
