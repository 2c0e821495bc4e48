package dev.edgevision.trainer.run;

import dev.edgevision.trainer.classifier.ClassifierTrainer;
import dev.edgevision.trainer.classifier.EpochStats;
import dev.edgevision.trainer.classifier.TrainingSettings;
import dev.edgevision.core.idx.DigitSet;
import dev.edgevision.trainer.eval.ClassificationScore;
import dev.edgevision.trainer.report.ClassifierReport;
import dev.edgevision.trainer.report.ClassifierRunSummary;
import dev.edgevision.trainer.report.EpochRecord;
import dev.edgevision.trainer.report.Misclassified;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Fills the classifier report from a finished run. */
final class RunReport {
    private static final int WORST_SHOWN = 24;

    private RunReport() {
    }

    static void write(Path report, String name, TrainingSettings settings, DigitSet all, DigitSet train,
            DigitSet validation, DigitSet scored, String scoredOn, ClassifierTrainer.Result result,
            ClassificationScore score, double parity, Map<String, String> timings, double totalSeconds)
            throws IOException {
        List<EpochRecord> epochs = result.history().stream().map(RunReport::record).toList();
        List<Misclassified> worst = score.mistakes().stream().limit(WORST_SHOWN)
                .map(m -> new Misclassified(scored.image(m.index()), scored.cols(), scored.rows(),
                        score.labels().get(m.trueClass()), score.labels().get(m.predictedClass()), m.confidence()))
                .toList();
        Map<String, String> described = new LinkedHashMap<>();
        described.put("data", all.origin() + " (" + all.size() + " digits)");
        described.put("split", train.size() + " training, " + validation.size() + " validation, " + scored.size()
                + " " + scoredOn + " (scored once, after training)");
        described.putAll(settings.describe());
        described.put("stopped because", result.stopReason());
        described.put("exported model", "ONNX (IR 7, opset 13); largest probability difference to DL4J on the "
                + scoredOn + " split: " + String.format("%.2e", parity));
        Map<String, String> allTimings = new LinkedHashMap<>(timings);
        allTimings.put("total", ClassifierRun.seconds(totalSeconds));
        ClassifierReport.write(new ClassifierRunSummary("Digit classifier '" + name + "'", score.labels(), epochs,
                result.bestEpoch(), score.confusion(), score.count(), score.accuracy(), worst, described, allTimings),
                report);
    }

    private static EpochRecord record(EpochStats s) {
        return new EpochRecord(s.epoch(), s.trainLoss(), s.trainAccuracy(), s.validationLoss(),
                s.validationAccuracy(), s.seconds());
    }
}
