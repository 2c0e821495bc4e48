package dev.edgevision.trainer.report;

import dev.edgevision.core.model.ModelBundle;
import dev.edgevision.trainer.detector.eval.ClassEvaluation;
import dev.edgevision.trainer.detector.eval.ConfusionTable;
import dev.edgevision.trainer.detector.eval.DetectionEvaluation;
import dev.edgevision.trainer.detector.eval.IllPosedMarks;
import dev.edgevision.trainer.eval.DetectionBundleEvaluator;
import dev.edgevision.trainer.eval.IllPosedScores;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A detector's scores on one labelled set as Markdown ({@code trainer evaluate --report FILE.md}):
 * the headline figures, AP per class, false detections on each kind of recorded non-object mark,
 * the scores with ill-posed readings left out, pictures of errors, and the confusion table at the
 * manifest's threshold.
 */
public final class EvaluationMarkdown {
    private EvaluationMarkdown() {
    }

    /**
     * The report of {@code outcome}, {@code bundle} scored on the set at {@code data}; {@code sheet}
     * and {@code errors} name the pictures of ill-posed readings and of errors beside the report,
     * each null when none was written.
     */
    public static String render(String title, ModelBundle bundle, String data, DetectionBundleEvaluator.Outcome outcome,
            String sheet, String errors) {
        DetectionEvaluation e = outcome.evaluation();
        double t = e.scoreThreshold();
        String iou = num(e.iouThreshold(), 2);
        StringBuilder md = new StringBuilder();
        md.append("# ").append(title).append("\n\n");
        md.append("Model `").append(bundle.manifest().name()).append("` version ").append(bundle.manifest().version())
                .append(" (sha256 `").append(bundle.sha256(), 0, 12).append("...`), set `").append(data)
                .append("`, scored through ONNX Runtime as a device runs it.\n\n");
        md.append("| measure | value |\n|---|---|\n");
        row(md, "mAP@" + iou + " (whole precision/recall curve)", num(e.meanAveragePrecision(), 3));
        row(md, "mAP@" + iou + " of what the device publishes (detections at or above " + num(t, 2) + ")",
                num(outcome.published().meanAveragePrecision(), 3));
        row(md, "precision / recall at " + num(t, 2), num(e.precision(), 3) + " / " + num(e.recall(), 3));
        row(md, "false detections per frame without objects", num(e.falseDetectionsPerEmptyFrame(), 3)
                + " (" + e.falseOnEmpty() + " in " + e.emptyImages() + " frames)");
        row(md, "images / objects", e.images() + " / " + e.truths());
        row(md, "ms per frame", num(outcome.meanMillis(), 2));
        md.append("\n## AP per class\n\n| class | objects | AP | precision at ").append(num(t, 2))
                .append(" | recall at ").append(num(t, 2)).append(" |\n|---|---|---|---|---|\n");
        for (ClassEvaluation c : e.classes()) {
            if (c.present()) {
                md.append("| ").append(c.label()).append(" | ").append(c.truths()).append(" | ")
                        .append(num(c.averagePrecision(), 3)).append(" | ").append(num(c.precision(), 3)).append(" | ")
                        .append(num(c.recall(), 3)).append(" |\n");
            }
        }
        ConfusionTable confusion = outcome.confusion();
        if (!confusion.marksByKind().isEmpty()) {
            md.append("\n## False detections on marks that are not objects (at ").append(num(t, 2))
                    .append(")\n\n| kind of mark | marks | false detections | per mark |\n|---|---|---|---|\n");
            for (Map.Entry<String, Integer> k : new TreeMap<>(confusion.marksByKind()).entrySet()) {
                int falses = confusion.falseByKind().getOrDefault(k.getKey(), 0);
                md.append("| ").append(k.getKey()).append(" | ").append(k.getValue()).append(" | ").append(falses)
                        .append(" | ").append(num((double) falses / k.getValue(), 3)).append(" |\n");
            }
        }
        illPosed(md, e, outcome, sheet);
        if (errors != null) {
            md.append("\n## Errors at ").append(num(t, 2)).append("\n\n![missed objects and wrong detections](")
                    .append(errors).append(")\n\nSome of the ").append(e.misses()).append(" missed objects (`missed`"
                    + " and their class) in the first rows, then some of the ").append(e.falsePositives())
                    .append(" wrong detections: `false` on nothing of a class, `7 as 1` on an object of another"
                    + " class, with their scores.\n");
        }
        md.append("\n## Confusion at ").append(num(t, 2)).append("\n\nRows: what was there; columns: what was"
                + " reported (a detection matches the true box it overlaps most by IoU ").append(iou)
                .append("; `missed`: no detection found it).\n\n| true \\ reported |");
        confusion.columns().forEach(c -> md.append(' ').append(c).append(" |"));
        md.append("\n|---|");
        confusion.columns().forEach(c -> md.append("---|"));
        md.append('\n');
        for (int r = 0; r < confusion.rows().size(); r++) {
            md.append("| ").append(confusion.rows().get(r)).append(" |");
            for (int c = 0; c < confusion.columns().size(); c++) {
                int n = confusion.counts()[r][c];
                md.append(' ').append(n == 0 ? "." : Integer.toString(n)).append(" |");
            }
            md.append('\n');
        }
        return md.toString();
    }

    private static void illPosed(StringBuilder md, DetectionEvaluation strict, DetectionBundleEvaluator.Outcome outcome,
            String sheet) {
        IllPosedScores ill = outcome.illPosed();
        if (ill.marks() == 0) {
            return;
        }
        String t = num(strict.scoreThreshold(), 2);
        md.append("\n## Ill-posed marks\n\nThe set holds ").append(ill.marks()).append(" letters that may fairly be read"
                + " as a digit (").append(readings()).append("). Above they count as false detections when read so;"
                + " here those readings are left out (neither right nor wrong), as VOC's \"difficult\" objects are;"
                + " the same letters read as any other digit still count. ").append(ill.readings())
                .append(" detections at ").append(t).append(" were left out.\n\n| measure | strict | ill-posed readings"
                + " left out |\n|---|---|---|\n");
        md.append("| mAP (whole curve) | ").append(num(strict.meanAveragePrecision(), 3)).append(" | ")
                .append(num(ill.evaluation().meanAveragePrecision(), 3)).append(" |\n");
        md.append("| mAP of what is published | ").append(num(outcome.published().meanAveragePrecision(), 3))
                .append(" | ").append(num(ill.published().meanAveragePrecision(), 3)).append(" |\n");
        md.append("| precision / recall at ").append(t).append(" | ").append(num(strict.precision(), 3)).append(" / ")
                .append(num(strict.recall(), 3)).append(" | ").append(num(ill.evaluation().precision(), 3))
                .append(" / ").append(num(ill.evaluation().recall(), 3)).append(" |\n");
        md.append("| false detections per frame without objects | ").append(num(strict.falseDetectionsPerEmptyFrame(), 3))
                .append(" | ").append(num(ill.evaluation().falseDetectionsPerEmptyFrame(), 3)).append(" |\n");
        if (sheet != null) {
            md.append("\n![letters read as digits, and true digits of the same classes](").append(sheet)
                    .append(")\n\nTop rows: letters read as the digit they resemble, with the score; bottom row:"
                            + " true digits of those classes from the same frames.\n");
        }
    }

    /** The readings of {@link IllPosedMarks} as text: {@code letter-I as 1, ...}, in kind order. */
    static String readings() {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(IllPosedMarks.READINGS).forEach((kind, digit) ->
                text.append(text.length() == 0 ? "" : ", ").append(kind).append(" as \"").append(digit).append('"'));
        return text.toString();
    }

    private static void row(StringBuilder md, String name, String value) {
        md.append("| ").append(name).append(" | ").append(value).append(" |\n");
    }

    private static String num(double v, int decimals) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%." + decimals + "f", v) : "-";
    }
}
