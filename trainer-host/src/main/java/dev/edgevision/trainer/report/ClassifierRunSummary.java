package dev.edgevision.trainer.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a classifier training report shows, as plain data filled in by the trainer.
 *
 * @param title              page title, e.g. "MNIST digits, run 2024-05-01 14:02"
 * @param labels             class names in output order
 * @param epochs             one record per epoch run, in order
 * @param bestEpoch          the epoch whose weights were kept (an {@link EpochRecord#epoch()} value)
 * @param testConfusion      counts[true][predicted] on the test set, labels.size() square
 * @param testCount          number of test images
 * @param testAccuracy       test accuracy as a fraction in [0, 1]
 * @param worstMisclassified wrong answers to show, most confident first
 * @param settings           hyper-parameters and data settings, shown in map order
 * @param timings            named durations already formatted for people, shown in map order; an
 *                           entry named "total" is the headline total time
 */
public record ClassifierRunSummary(String title, List<String> labels, List<EpochRecord> epochs, int bestEpoch,
        int[][] testConfusion, int testCount, double testAccuracy, List<Misclassified> worstMisclassified,
        Map<String, String> settings, Map<String, String> timings) {
    /** Checks the confusion matrix shape and copies the collections, keeping map order. */
    public ClassifierRunSummary {
        labels = List.copyOf(labels);
        epochs = List.copyOf(epochs);
        worstMisclassified = List.copyOf(worstMisclassified);
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        timings = Collections.unmodifiableMap(new LinkedHashMap<>(timings));
        if (testConfusion.length != labels.size()) {
            throw new IllegalArgumentException("test confusion has " + testConfusion.length + " rows for "
                    + labels.size() + " labels");
        }
    }
}
