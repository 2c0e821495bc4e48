package dev.edgevision.trainer.report;

import static dev.edgevision.trainer.report.Markup.all;
import static dev.edgevision.trainer.report.Markup.between;
import static dev.edgevision.trainer.report.Markup.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassifierReportTest {
    private final ClassifierRunSummary run = SampleRuns.digitRun();

    @Test
    void headlineShowsAccuracyCountEpochsBestEpochAndTotalTime() {
        String html = ClassifierReport.render(run);

        String figures = between(html, "<div class=\"figures\">", "</section>");
        assertEquals(List.of("test accuracy", "test digits", "epochs run", "best epoch", "total time"),
                all(figures, "<div class=\"label\">([^<]*)</div>"));
        assertEquals(List.of(Formats.percent(run.testAccuracy(), 2), "10,000", "12", "9", "8 min 35 s"),
                all(figures, "<div class=\"value\">([^<]*)</div>"));
    }

    @Test
    void withoutATotalTimingTheHeadlineSumsTheEpochs() {
        List<EpochRecord> epochs = List.of(new EpochRecord(1, 0.3, 0.9, 0.35, 0.88, 100), new EpochRecord(2, 0.2, 0.94, 0.3, 0.9, 50));
        ClassifierRunSummary small = new ClassifierRunSummary("t", List.of("0", "1"), epochs, 2, new int[][] {{9, 1}, {0, 10}},
                20, 0.95, List.of(), Map.of(), Map.of());

        assertEquals("2 min 30 s", ClassifierReport.headline(small).get("training time"));
        assertFalse(ClassifierReport.headline(small).containsKey("total time"));
    }

    @Test
    void lossAndAccuracyChartsShowTrainAndValidationWithTheBestEpoch() {
        String html = ClassifierReport.render(run);

        assertEquals(2, count(html, "<svg"));
        assertEquals(4, count(html, "<path class=\"line\""), "train and validation in each chart");
        assertEquals(4 * run.epochs().size(), count(html, "<circle class=\"marker\""));
        assertEquals(2, count(html, ">best epoch 9</text>"));
        String accuracy = between(html, "<h2>Accuracy per epoch</h2>", "</svg>");
        assertTrue(accuracy.contains(">accuracy (%)</text>"));
        double lastValidation = run.epochs().get(11).validationAccuracy() * 100;
        assertTrue(accuracy.contains("validation: 12, " + Formats.significant(lastValidation, 4) + "</title>"),
                "accuracies are plotted in percent");
    }

    @Test
    void missingValidationFiguresAreLeftOutOfTheCharts() {
        List<EpochRecord> epochs = List.of(new EpochRecord(1, 0.3, 0.9, Double.NaN, Double.NaN, 10),
                new EpochRecord(2, 0.2, 0.94, Double.NaN, Double.NaN, 10));
        ClassifierRunSummary noValidation = new ClassifierRunSummary("t", List.of("0", "1"), epochs, 2,
                new int[][] {{9, 1}, {0, 10}}, 20, 0.95, List.of(), Map.of(), Map.of());

        String html = ClassifierReport.render(noValidation);

        assertEquals(4, count(html, "<circle class=\"marker\""), "two train points per chart");
        assertFalse(html.contains("NaN"));
    }

    @Test
    void confusionMatrixHasOneRowPerDigit() {
        String html = ClassifierReport.render(run);

        String body = between(html, "<table class=\"confusion\">", "</table>");
        assertEquals(SampleRuns.DIGITS, all(between(body, "<tbody>", "</tbody>"), "<th scope=\"row\">([^<]*)</th>"));
        assertTrue(body.contains("title=\"true 4, predicted 9: 7 (0.7% of row)\">7</td>"));
    }

    @Test
    void mistakesAreShownMostConfidentFirstWithCaptions() {
        List<Misclassified> shuffled = new ArrayList<>(run.worstMisclassified());
        Collections.reverse(shuffled);
        ClassifierRunSummary reversed = new ClassifierRunSummary(run.title(), run.labels(), run.epochs(), run.bestEpoch(),
                run.testConfusion(), run.testCount(), run.testAccuracy(), shuffled, run.settings(), run.timings());

        List<String> captions = all(ClassifierReport.render(reversed), "<figcaption>([^<]*)</figcaption>");

        assertEquals(run.worstMisclassified().size(), captions.size());
        assertEquals("true 4 → predicted 9 (0.99)", captions.get(0));
        assertEquals("true 1 → predicted 8 (0.85)", captions.get(captions.size() - 1));
    }

    @Test
    void settingsAndTimingsAreListedInOrder() {
        String html = ClassifierReport.render(run);

        List<String> names = all(html, "<tr><th scope=\"row\">([^<]*)</th><td>");
        assertEquals(new ArrayList<>(run.settings().keySet()), names.subList(0, run.settings().size()));
        assertEquals(new ArrayList<>(run.timings().keySet()), names.subList(run.settings().size(), names.size()));
        assertTrue(html.indexOf("<h2>Settings</h2>") < html.indexOf("<h2>Timings</h2>"));
    }

    @Test
    void writesThePage(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("report.html");

        ClassifierReport.write(run, target);

        assertEquals(ClassifierReport.render(run), Files.readString(target));
    }
}
